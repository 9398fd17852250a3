package dev.veto.agent.engine;

import dev.veto.engine.approval.ApprovalChannels;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalSettings;
import java.io.PrintStream;

/**
 * The approval channels (console, HTTP, webhook) of the agent's engine, started after the engine is in force
 * so that the first governed call never waits for a reviewer server or a terminal it may not need. A call
 * held before they start waits in the registry and is presented when they do ({@link ApprovalChannels#start});
 * when they cannot start (the reviewer port is taken, a JDK module they need is missing...), every held call, those already waiting included,
 * is decided by its escalation at once instead of waiting for an answer that cannot come, and stderr says why.
 */
final class LateChannels implements AutoCloseable {

    private final ApprovalRegistry registry;
    private final ApprovalSettings settings;
    private final PrintStream err;
    private AutoCloseable started;
    private boolean closed;

    LateChannels(ApprovalRegistry registry, ApprovalSettings settings, PrintStream err) {
        this.registry = registry;
        this.settings = settings;
        this.err = err;
    }

    /** Starts them once; a no-op after {@link #close} (the JVM is exiting). */
    synchronized void start() {
        if (started != null || closed) {
            return;
        }
        try {
            started = ApprovalChannels.start(registry, settings, err);
        } catch (RuntimeException | LinkageError e) {
            String why = "the approval channels could not start: " + describe(e);
            err.println("veto: ERROR: " + why + "; every held call is decided by its escalation at once");
            ApprovalChannels.markUnavailable(registry, why);
            started = () -> { };
        }
    }

    /**
     * Why, with what to do when a JDK module a channel needs is missing: an application launched as a module
     * ({@code java -m}) has only the modules it requires in its boot layer.
     */
    private static String describe(Throwable e) {
        String missing = e instanceof NoClassDefFoundError ? String.valueOf(e.getMessage()) : "";
        String module = missing.startsWith("com/sun/net/httpserver/") ? "jdk.httpserver"
                : missing.startsWith("java/net/http/") ? "java.net.http" : null;
        return module == null ? String.valueOf(e.getMessage()) : "the module " + module + " is not in this JVM's module"
                + " graph (" + e + "); start the JVM with --add-modules " + module;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (started != null) {
            try {
                started.close();
            } catch (Exception ignored) {
                // the JVM is exiting; the decision log still gets flushed after this
            }
        }
    }
}
