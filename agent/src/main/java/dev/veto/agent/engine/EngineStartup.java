package dev.veto.agent.engine;

import dev.veto.agent.config.AgentConfig;
import dev.veto.agent.runtime.Governor;
import dev.veto.agent.weave.InstrumentRule;
import dev.veto.engine.Veto;
import dev.veto.engine.VetoBuilder;
import dev.veto.engine.approval.ApprovalSettings;
import dev.veto.engine.log.JsonlDecisionLog;
import dev.veto.engine.policy.InstrumentPrescan;
import dev.veto.engine.policy.Mode;
import dev.veto.engine.policy.Policy;
import dev.veto.engine.policy.PolicyException;
import dev.veto.engine.policy.PolicyLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the policy engine from the agent's configuration and makes the {@link Governor} every governed
 * call goes through. One of the two classes that use the engine's API (with {@link EngineGovernor}).
 *
 * <p>Never throws, and never lets a call through unchecked: with a configuration error, a policy that is
 * missing or invalid, or a decision log that cannot be opened, every governed call is denied with a reason
 * that says what is wrong, a loud message goes to stderr, and the application keeps running. A policy file
 * that becomes valid later is picked up by hot reload (its {@code instrument:} entries need a restart).
 */
public final class EngineStartup {

    /**
     * @param governor      decides the calls
     * @param rules         the policy's {@code instrument:} entries (empty when there is no usable policy)
     * @param summary       one line for stderr about what governs the calls
     * @param startChannels starts the approval channels, for the caller to run once the governor is in force:
     *                      a governed call never waits for them, and calls held before they exist are
     *                      presented when they start (or decided by their escalation at once if they cannot)
     * @param afterStart    work the engine would otherwise do on its first calls (hashing the policy), for
     *                      the start-up thread to do once the governor is in force
     */
    public record Started(Governor governor, List<InstrumentRule> rules, String summary, Runnable startChannels,
            Runnable afterStart) {

        /** Every call denied for this reason. */
        public static Started denyingAll(String problem) {
            return new Started(Governor.denyAll(problem), List.of(), "denying every governed tool call: " + problem,
                    () -> { }, () -> { });
        }
    }

    private EngineStartup() {
    }

    public static Started start(AgentConfig config, PrintStream err) {
        return start(config, null, err);
    }

    /**
     * @param loadedAhead the configured policy file, already loaded by the caller ({@link #loadAhead}), or null
     */
    public static Started start(AgentConfig config, Policy loadedAhead, PrintStream err) {
        List<String> problems = new ArrayList<>(config.problems());
        ApprovalSettings approvalSettings = null;
        try {
            approvalSettings = ApprovalSettings.parse(config.approval());
        } catch (IllegalArgumentException e) {
            problems.add(withOrigin(e.getMessage(), config)); // the approval channels check their own keys
        }
        if (!problems.isEmpty()) {
            return failClosed(err, "the Veto agent's configuration is invalid (" + String.join("; ", problems) + ")",
                    instrumentedDespite(config));
        }
        if (config.policy() == null) {
            return failClosed(err, "no policy is configured (set policy=/path/to/policy.yaml in the -javaagent "
                    + "arguments, -Dveto.policy or VETO_POLICY)");
        }
        VetoBuilder builder = Veto.builder()
                .policyFile(config.policy())
                .hotReload(config.reload())
                .shadow("shadow".equals(config.mode()));
        if (loadedAhead != null) {
            builder.loader(PolicyLoader.standard().withLoaded(config.policy(), loadedAhead));
        }
        JsonlDecisionLog decisionLog = null;
        if (config.log() != null) {
            try {
                decisionLog = JsonlDecisionLog.open(config.log());
                builder.decisionLog(decisionLog);
            } catch (IOException | RuntimeException e) {
                return failClosed(err, "the decision log " + config.log() + " cannot be opened (" + e
                        + "), and no call runs unrecorded", instrumentedDespite(config));
            }
        }
        Veto veto = builder.buildOrDenyAll();
        LateChannels channels = new LateChannels(veto.approvals(), approvalSettings, err);
        Thread shutdown = new Thread(() -> {
            channels.close();
            veto.close();
        }, "veto-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(shutdown);
            if (decisionLog != null) {
                // this hook closes the log after the engine has ended the calls still held and logged how
                decisionLog.closeOnlyFromOwnersShutdownHook();
            }
        } catch (IllegalStateException shuttingDown) {
            // The engine starts in parallel with the application, which may already have ended: close at once.
            shutdown.run();
        }
        if (veto.loadFailure().isPresent()) {
            String problem = veto.loadFailure().get(); // "policy failed to load: file:line:col: what is wrong"
            boolean shadow = "shadow".equals(config.mode());
            if (shadow) {
                // the engine's shadow override lets every call run, logged as denied: say so, not "DENIED"
                err.println("veto: ERROR: " + problem);
                err.println("veto: ERROR: shadow mode: every governed tool call runs and is logged as denied until this is fixed.");
            } else {
                announce(err, problem);
            }
            return new Started(new EngineGovernor(veto), instrumentedDespite(config),
                    (shadow ? "shadow mode, every governed tool call logged as denied: " : "denying every governed tool call: ") + problem,
                    channels::start, () -> { });
        }
        if ("enforce".equals(config.mode()) && veto.policy().mode() == Mode.SHADOW) {
            err.println("veto: WARNING: mode=enforce was asked for, but the policy " + config.policy()
                    + " says 'mode: shadow'; shadow mode stays (set 'mode: enforce' in the policy)");
        }
        List<InstrumentRule> rules = InstrumentRule.of(veto.instrument());
        String mode = "shadow".equals(config.mode()) ? "shadow" : veto.policy().mode().policyName();
        return new Started(new EngineGovernor(veto), rules, "governing tool calls with policy '" + veto.policy().name()
                + "' from " + config.policy() + " (" + mode + " mode, " + rules.size() + " instrument entries)",
                channels::start, () -> veto.policy().contentHash());
    }

    /**
     * Loads the configured policy file, for {@link #start} to use: the agent's start-up thread reads it before
     * anything else of the engine is ready (it needs nothing else). Null when there is no policy or it does
     * not load: {@link #start} then reads it again and meets the problem itself.
     */
    public static Policy loadAhead(AgentConfig config) {
        if (config.policy() == null || !config.problems().isEmpty()) {
            return null;
        }
        try {
            return PolicyLoader.standard().load(config.policy());
        } catch (PolicyException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the configured policy may have an {@code instrument:} section, which the weaving needs before
     * any class is loaded. False when there is no policy or it cannot be read: loading it fails the same way
     * and every call is denied, with no methods to weave but the annotated ones.
     */
    public static boolean policyMayInstrument(AgentConfig config) {
        if (config.policy() == null) {
            return false;
        }
        try {
            return InstrumentPrescan.mayDeclareInstrument(Files.readString(config.policy(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * The approval channels' message about one of their keys ({@code approval.http.port: '99999' is not valid...},
     * {@code unknown approval setting 'approval.foo'...}), led by where that key was given, as the agent's own
     * keys' problems are.
     */
    private static String withOrigin(String problem, AgentConfig config) {
        for (Map.Entry<String, String> origin : config.approvalOrigins().entrySet()) {
            String key = origin.getKey();
            if (problem.startsWith(key + ":") || problem.contains("'" + key + "'")) {
                return origin.getValue() + ": " + problem;
            }
        }
        return problem;
    }

    private static Started failClosed(PrintStream err, String problem) {
        return failClosed(err, problem, List.of());
    }

    private static Started failClosed(PrintStream err, String problem, List<InstrumentRule> rules) {
        announce(err, problem);
        Started denying = Started.denyingAll(problem);
        return new Started(denying.governor(), rules, denying.summary(), denying.startChannels(), denying.afterStart());
    }

    /**
     * The configured policy's {@code instrument:} entries when the agent is about to deny every call (its
     * configuration, its log or the rest of the policy is broken): those methods are governed calls too, so
     * they are woven and denied like the annotated ones instead of running unguarded.
     */
    private static List<InstrumentRule> instrumentedDespite(AgentConfig config) {
        return config.policy() == null ? List.of()
                : InstrumentRule.of(PolicyLoader.standard().instrumentEntriesOf(config.policy()));
    }

    private static void announce(PrintStream err, String problem) {
        err.println("veto: ERROR: " + problem);
        err.println("veto: ERROR: every governed tool call will be DENIED until this is fixed; the application keeps running.");
    }
}
