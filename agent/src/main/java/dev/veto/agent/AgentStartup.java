package dev.veto.agent;

import dev.veto.agent.config.AgentConfig;
import dev.veto.agent.config.ConfigReader;
import dev.veto.agent.engine.EngineStartup;
import dev.veto.agent.logging.AgentLogging;
import dev.veto.agent.runtime.Governor;
import dev.veto.agent.runtime.StartingGovernor;
import dev.veto.agent.runtime.ToolDispatcher;
import dev.veto.agent.weave.ToolMethods;
import dev.veto.agent.weave.ToolSites;
import dev.veto.agent.weave.WeaveReport;
import dev.veto.agent.weave.Weaving;
import dev.veto.bootstrap.VetoBridge;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.List;

/**
 * Wires the agent once the bridge is on the bootstrap path: configuration, policy, the gate the advice
 * calls, then the weaving. The gate is installed before any class is woven, so no woven method ever runs
 * without it.
 *
 * <p>Loading the policy is most of the agent's start-up work, so at JVM start it runs on its own thread
 * while the application starts, whenever the weaving does not need it: when the policy has no
 * {@code instrument:} section, annotations alone say what to weave. Until the engine is ready a governed
 * call waits for it ({@link StartingGovernor}); a policy that fails to load denies every call, as before.
 * When attached to a running JVM, or when the policy says which methods to weave, the policy is loaded first.
 */
final class AgentStartup {

    /** How long a governed call waits for the engine that is still starting; generous, it normally takes well under a second. */
    static final Duration ENGINE_WAIT = Duration.ofSeconds(60);

    private AgentStartup() {
    }

    static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        if (VetoBridge.isInstalled()) {
            System.err.println("veto: the Veto agent is already running in this JVM; ignoring the second start");
            return;
        }
        AgentLogging.initialize();
        AgentConfig config = ConfigReader.read(arguments);
        ToolSites sites = new ToolSites();
        WeaveReport report = new WeaveReport(System.err, config.verbose());
        if (attached || EngineStartup.policyMayInstrument(config)) {
            EngineStartup.Started engine = EngineStartup.start(config, System.err);
            VetoBridge.install(new ToolDispatcher(sites, engine.governor(), config.context()));
            Weaving.install(instrumentation, new ToolMethods(engine.rules()), sites, report, attached);
            System.err.println("veto: " + engine.summary() + (attached ? " (attached to a running JVM)" : ""));
            return;
        }
        StartingGovernor governor = new StartingGovernor(ENGINE_WAIT);
        VetoBridge.install(new ToolDispatcher(sites, governor, config.context()));
        Weaving.install(instrumentation, new ToolMethods(List.of()), sites, report, false);
        Thread starter = new Thread(() -> governor.started(startEngine(config)), "veto-engine-start");
        starter.setDaemon(true); // an application that ends before the policy is loaded must not wait for it
        starter.start();
    }

    /** Runs on the starter thread; whatever happens, the result decides the calls that wait for it. */
    private static Governor startEngine(AgentConfig config) {
        try {
            EngineStartup.Started engine = EngineStartup.start(config, System.err);
            if (!engine.rules().isEmpty()) {
                System.err.println("veto: WARNING: the policy's instrument: entries appeared after the agent started "
                        + "weaving (was the file changed?); they take effect at the next start");
            }
            System.err.println("veto: " + engine.summary());
            return engine.governor();
        } catch (Throwable e) {
            String problem = "the Veto policy engine failed to start (" + e + ")";
            System.err.println("veto: ERROR: " + problem + "; every governed tool call will be DENIED");
            return Governor.denyAll(problem);
        }
    }
}
