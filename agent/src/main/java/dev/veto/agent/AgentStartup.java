package dev.veto.agent;

import dev.veto.agent.config.AgentConfig;
import dev.veto.agent.config.ConfigReader;
import dev.veto.agent.engine.EngineStartup;
import dev.veto.agent.logging.AgentLogging;
import dev.veto.agent.runtime.ToolDispatcher;
import dev.veto.agent.weave.ToolMethods;
import dev.veto.agent.weave.ToolSites;
import dev.veto.agent.weave.WeaveReport;
import dev.veto.agent.weave.Weaving;
import dev.veto.bootstrap.VetoBridge;
import java.lang.instrument.Instrumentation;

/**
 * Wires the agent once the bridge is on the bootstrap path: configuration, policy, the gate the advice
 * calls, then the weaving. The gate is installed before any class is woven, so no woven method ever runs
 * without it.
 */
final class AgentStartup {

    private AgentStartup() {
    }

    static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        if (VetoBridge.isInstalled()) {
            System.err.println("veto: the Veto agent is already running in this JVM; ignoring the second start");
            return;
        }
        AgentLogging.initialize();
        AgentConfig config = ConfigReader.read(arguments);
        EngineStartup.Started engine = EngineStartup.start(config, System.err);
        ToolSites sites = new ToolSites();
        VetoBridge.install(new ToolDispatcher(sites, engine.governor(), config.context()));
        Weaving.install(instrumentation, new ToolMethods(engine.rules()), sites,
                new WeaveReport(System.err, config.verbose()), attached);
        System.err.println("veto: " + engine.summary() + (attached ? " (attached to a running JVM)" : ""));
    }
}
