package dev.veto.agent.engine;

import dev.veto.agent.config.AgentConfig;
import dev.veto.agent.runtime.Governor;
import dev.veto.agent.weave.InstrumentRule;
import dev.veto.engine.Veto;
import java.io.PrintStream;
import java.util.List;

/**
 * Loads the policy named by the configuration and makes the {@link Governor} every governed call goes
 * through. Never throws: without a usable configuration or policy, the governor denies every call with a
 * reason that says what is wrong, and a loud message goes to stderr. Tools never run unguarded, and the
 * application keeps running.
 */
public final class EngineStartup {

    /**
     * @param governor   decides the calls
     * @param rules      the policy's {@code instrument:} entries (empty when there is no usable policy)
     * @param summary    one line for stderr about what governs the calls
     */
    public record Started(Governor governor, List<InstrumentRule> rules, String summary) {
    }

    private EngineStartup() {
    }

    public static Started start(AgentConfig config, PrintStream err) {
        if (!config.valid()) {
            return failClosed(err, "the Veto agent's configuration is invalid (" + String.join("; ", config.problems()) + ")");
        }
        if (config.policy() == null) {
            return failClosed(err, "no policy is configured (set policy=/path/to/policy.yaml in the -javaagent "
                    + "arguments, -Dveto.policy or VETO_POLICY)");
        }
        try {
            Veto veto = Veto.fromPolicy(config.policy());
            return new Started(new EngineGovernor(veto), List.of(),
                    "governing tool calls with policy " + config.policy());
        } catch (Exception | LinkageError e) {
            return failClosed(err, "the policy " + config.policy() + " failed to load: " + e.getMessage());
        }
    }

    private static Started failClosed(PrintStream err, String problem) {
        err.println("veto: ERROR: " + problem);
        err.println("veto: ERROR: every governed tool call will be DENIED until this is fixed; the application keeps running.");
        return new Started(Governor.denyAll(problem), List.of(), "denying every governed tool call: " + problem);
    }
}
