package dev.veto.agent;

import dev.veto.agent.config.AgentConfig;
import dev.veto.agent.config.ConfigReader;
import dev.veto.agent.engine.EngineStartup;
import dev.veto.agent.engine.EngineStartup.Started;
import dev.veto.agent.logging.AgentLogging;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Wires the agent once the bridge is on the bootstrap path: configuration, policy, the gate the advice
 * calls, then the weaving. The gate is installed before any class is woven, so no woven method ever runs
 * without it.
 *
 * <p>Loading the policy is most of the agent's start-up work, so at JVM start it runs on its own thread
 * while the application starts, whenever the weaving does not need it: when the policy has no
 * {@code instrument:} section, annotations alone say what to weave. Until the engine is ready a governed
 * call waits for it ({@link StartingGovernor}); a policy that fails to load denies every call, as before.
 * That thread starts as soon as the configuration is read and binds the agent's logging first, so premain's
 * own work (installing the bridge and the weaving) and the JVM's start of {@code main} overlap the engine's.
 * When attached to a running JVM, or when the policy says which methods to weave, the policy is loaded first.
 */
final class AgentStartup {

    /** How long a governed call waits for the engine that is still starting; generous, it normally takes well under a second. */
    static final Duration ENGINE_WAIT = Duration.ofSeconds(60);

    /** How long premain waits for the agent's logging to bind (it takes milliseconds). */
    private static final Duration LOGGING_WAIT = Duration.ofSeconds(10);

    private AgentStartup() {
    }

    static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        if (VetoBridge.isInstalled()) {
            System.err.println("veto: the Veto agent is already running in this JVM; ignoring the second start");
            return;
        }
        AgentConfig config = ConfigReader.read(arguments);
        ToolSites sites = new ToolSites();
        WeaveReport report = new WeaveReport(System.err, config.verbose());
        if (attached || EngineStartup.policyMayInstrument(config)) {
            AgentLogging.initialize();
            EngineStartup.Started engine = EngineStartup.start(config, System.err);
            VetoBridge.install(new ToolDispatcher(sites, engine.governor(), config.context()));
            Weaving.install(instrumentation, new ToolMethods(engine.rules()), sites, report, attached);
            System.err.println("veto: " + engine.summary() + (attached ? " (attached to a running JVM)" : ""));
            return;
        }
        StartingGovernor governor = new StartingGovernor(ENGINE_WAIT);
        CountDownLatch loggingReady = new CountDownLatch(1);
        Thread starter = new Thread(() -> startEngine(config, loggingReady, governor), "veto-engine-start");
        starter.setDaemon(true); // an application that ends before the policy is loaded must not wait for it
        starter.start();
        VetoBridge.install(new ToolDispatcher(sites, governor, config.context()));
        Weaving.install(instrumentation, new ToolMethods(List.of()), sites, report, false);
        awaitLogging(loggingReady);
    }

    /**
     * The application's code must not run while the engine thread binds the agent's SLF4J: for that moment a
     * system property names the agent's provider, which the application's own SLF4J would try to load. So
     * premain returns only once the binding is done (it runs while premain weaves, and takes far less).
     */
    private static void awaitLogging(CountDownLatch loggingReady) {
        try {
            if (!loggingReady.await(LOGGING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("veto: WARNING: the agent's logging took more than " + LOGGING_WAIT.toSeconds()
                        + " s to start; the application starts anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs on the starter thread: binds the agent's logging (then lets premain return), starts the engine
     * and puts it in force. Whatever happens, the result decides the calls that wait for it.
     */
    private static void startEngine(AgentConfig config, CountDownLatch loggingReady, StartingGovernor governor) {
        try {
            AgentLogging.initialize();
        } catch (Throwable e) {
            System.err.println("veto: WARNING: the agent's logging could not start (" + e + "); the engine's own "
                    + "messages are lost, its decisions are not");
        } finally {
            loggingReady.countDown();
        }
        Started engine = startEngine(config);
        governor.started(engine.governor());
        try {
            engine.afterStart().run(); // off the first call's path: the engine is already in force
        } catch (Throwable ignored) {
            // only work done ahead of need; whoever needs it does it again and meets the problem there
        }
    }

    private static Started startEngine(AgentConfig config) {
        try {
            Started engine = EngineStartup.start(config, System.err);
            if (!engine.rules().isEmpty()) {
                System.err.println("veto: WARNING: the policy's instrument: entries appeared after the agent started "
                        + "weaving (was the file changed?); they take effect at the next start");
            }
            System.err.println("veto: " + engine.summary());
            return engine;
        } catch (Throwable e) {
            String problem = "the Veto policy engine failed to start (" + e + ")";
            System.err.println("veto: ERROR: " + problem + "; every governed tool call will be DENIED");
            return EngineStartup.Started.denyingAll(problem);
        }
    }
}
