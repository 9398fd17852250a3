package dev.veto.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points: {@code -javaagent:veto-agent.jar=...} ({@link #premain}) and attach to a running
 * JVM ({@link #agentmain}).
 *
 * <p>Order matters: the bridge and the annotations go on the bootstrap class path FIRST, before any class
 * of {@code dev.veto} is loaded, so that parent-first delegation makes every class loader (the
 * application's, which also has {@code veto-annotations}, and isolated ones) resolve the one bootstrap copy.
 * This class therefore touches nothing but the JDK until {@link BootstrapJar#appendTo} has run, except
 * {@link EngineStarter}, which names none of those classes either.
 */
public final class VetoAgent {

    private VetoAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        EngineStarter engine;
        try {
            // First: at JVM start the engine's thread then loads the policy while the bootstrap jar is built.
            engine = EngineStarter.prepare(arguments, attached || BootstrapJar.isOnBootstrapPath());
        } catch (Throwable e) {
            System.err.println("veto: ERROR: the Veto agent failed to start, so no tool method is governed: " + e);
            e.printStackTrace();
            return;
        }
        try {
            BootstrapJar.appendTo(instrumentation);
        } catch (Throwable e) {
            // Fail closed rather than leave every tool unguarded: the bridge then comes from the agent jar on the
            // application's class path, which the application's class loaders reach; a tool in a class loader
            // that does not delegate to it fails with NoClassDefFoundError instead of running unchecked.
            System.err.println("veto: ERROR: cannot put the Veto bridge on the bootstrap class path (" + e + "); the "
                    + "application class loader's copy is used instead, so tools in class loaders that do not delegate "
                    + "to it fail with NoClassDefFoundError. Give the JVM a writable java.io.tmpdir.");
        }
        try {
            AgentStartup.start(engine, instrumentation, attached);
        } catch (Throwable e) {
            System.err.println("veto: ERROR: the Veto agent failed to start, so no tool method is governed: " + e);
            e.printStackTrace();
        }
    }
}
