package dev.veto.agent;

import dev.veto.agent.config.AgentConfig;
import dev.veto.agent.engine.EngineStartup;
import dev.veto.agent.logging.AgentLogging;
import dev.veto.agent.runtime.ToolDispatcher;
import dev.veto.agent.weave.ToolMethods;
import dev.veto.agent.weave.ToolSites;
import dev.veto.agent.weave.WeaveReport;
import dev.veto.agent.weave.Weaving;
import dev.veto.bootstrap.VetoBridge;
import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * Wires the agent once the bridge is on the bootstrap path: the gate the advice calls, then the weaving. The
 * gate is installed before any class is woven, so no woven method ever runs without it.
 *
 * <p>Loading the policy is most of the agent's start-up work, so at JVM start it runs on its own thread,
 * started by {@link EngineStarter} before the bootstrap jar is even built, while premain and then the
 * application go on, whenever the weaving does not need it: when the policy has no {@code instrument:}
 * section, annotations alone say what to weave. Until the engine is ready a governed call waits for it; a
 * policy that fails to load denies every call. When attached to a running JVM, or when the policy says
 * which methods to weave, the policy is loaded here first.
 */
final class AgentStartup {

    private AgentStartup() {
    }

    static void start(EngineStarter engine, Instrumentation instrumentation, boolean attached) {
        if (VetoBridge.isInstalled()) {
            System.err.println("veto: the Veto agent is already running in this JVM; ignoring the second start");
            return;
        }
        AgentConfig config = engine.config();
        ToolSites sites = new ToolSites();
        WeaveReport report = new WeaveReport(System.err, config.verbose());
        if (!engine.inParallel()) {
            AgentLogging.initialize();
            EngineStartup.Started started = EngineStartup.start(config, System.err);
            started.startChannels().run();
            VetoBridge.install(new ToolDispatcher(sites, started.governor(), config.context()));
            Weaving.install(instrumentation, new ToolMethods(started.rules()), sites, report, attached);
            System.err.println("veto: " + started.summary() + (attached ? " (attached to a running JVM)" : ""));
            return;
        }
        VetoBridge.install(new ToolDispatcher(sites, engine.governor(), config.context()));
        Weaving.install(instrumentation, new ToolMethods(List.of()), sites, report, false);
    }
}
