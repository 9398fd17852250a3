package dev.veto.agent;

import dev.veto.agent.config.AgentConfig;
import dev.veto.agent.config.ConfigReader;
import dev.veto.agent.engine.EngineStartup;
import dev.veto.agent.engine.EngineStartup.Started;
import dev.veto.agent.logging.AgentLogging;
import dev.veto.agent.runtime.StartingGovernor;
import dev.veto.engine.policy.Policy;
import java.time.Duration;

/**
 * Reads the configuration and, at JVM start, starts the policy engine on its own daemon thread, the first
 * thing premain does: the engine's start is most of the agent's start-up, so it overlaps everything else
 * premain and the JVM do before the application's first governed call (which waits for it in the
 * {@link StartingGovernor}, bounded, and is denied if it does not come: never run unchecked). That thread
 * reads the policy first ({@link EngineStartup#loadAhead}), then builds the engine around it, puts it in
 * force, and only then starts the approval channels.
 *
 * <p>This runs BEFORE the bootstrap jar is appended, so this class and everything the engine's thread runs
 * must never name a class of the bootstrap jar ({@code dev.veto.bootstrap.*}, the annotations,
 * {@code ToolDeniedException}, {@code VetoContext}): the application class loader would load its own copy
 * from the agent jar, and the one-class-for-every-loader guarantee would be lost. The engine and the
 * agent's {@code config}, {@code engine}, {@code logging} packages and {@link StartingGovernor} name none.
 *
 * <p>Not in parallel (the engine is started on premain's thread later, by {@link AgentStartup}): when attached
 * to a running JVM, when the agent already runs, or when the policy may have an {@code instrument:} section,
 * which the weaving needs before any class is loaded.
 */
final class EngineStarter {

    /** How long a governed call waits for the engine that is still starting; generous, it normally takes well under a second. */
    static final Duration ENGINE_WAIT = Duration.ofSeconds(60);

    private final AgentConfig config;
    private final StartingGovernor governor;

    private EngineStarter(AgentConfig config, StartingGovernor governor) {
        this.config = config;
        this.governor = governor;
    }

    /**
     * Reads the configuration and starts the engine's thread unless it must start on premain's thread.
     *
     * @param onPremainThread attached, or the agent's bridge is already on the bootstrap path
     */
    static EngineStarter prepare(String arguments, boolean onPremainThread) {
        AgentConfig config = ConfigReader.read(arguments);
        if (onPremainThread || EngineStartup.policyMayInstrument(config)) {
            return new EngineStarter(config, null);
        }
        AgentLogging.initialize();
        EngineStarter starter = new EngineStarter(config, new StartingGovernor(ENGINE_WAIT));
        Thread thread = new Thread(starter::run, "veto-engine-start");
        thread.setDaemon(true); // an application that ends before the policy is loaded must not wait for it
        thread.start();
        return starter;
    }

    AgentConfig config() {
        return config;
    }

    /** Whether the engine is starting on its own thread (then {@link #governor()} is the gate's governor). */
    boolean inParallel() {
        return governor != null;
    }

    /** Decides calls once the engine is in force; until then makes them wait for it. */
    StartingGovernor governor() {
        return governor;
    }

    /**
     * The engine's thread: reads the policy (most of the work), starts the engine and puts it in force, then
     * starts the approval channels.
     * Whatever happens, the result decides the calls that wait for it.
     */
    private void run() {
        Policy policy = null;
        try {
            policy = EngineStartup.loadAhead(config);
        } catch (Throwable e) {
            // start() reads the policy again and reports what is wrong
        }
        Started engine = start(policy);
        governor.started(engine.governor());
        // Off the first call's path from here on: the engine is already in force.
        try {
            engine.startChannels().run(); // a call held meanwhile waits in the registry and is presented now
        } catch (Throwable e) {
            System.err.println("veto: ERROR: the approval channels failed to start (" + e + "); a held call is "
                    + "decided by its escalation when its timeout passes");
        }
        try {
            engine.afterStart().run();
        } catch (Throwable ignored) {
            // only work done ahead of need; whoever needs it does it again and meets the problem there
        }
    }

    private Started start(Policy loadedAhead) {
        try {
            Started engine = EngineStartup.start(config, loadedAhead, System.err);
            if (!engine.rules().isEmpty()) {
                System.err.println("veto: WARNING: the policy's instrument: entries appeared after the agent started "
                        + "weaving (was the file changed?); they take effect at the next start");
            }
            System.err.println("veto: " + engine.summary());
            return engine;
        } catch (Throwable e) {
            String problem = "the Veto policy engine failed to start (" + e + ")";
            System.err.println("veto: ERROR: " + problem + "; every governed tool call will be DENIED");
            return Started.denyingAll(problem);
        }
    }
}
