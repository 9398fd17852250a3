package dev.veto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The caller's context for the current thread: who is acting (user id, role, tenant, session...). The
 * policy reads it as {@code context.<key>}.
 *
 * <pre>{@code
 * try (var scope = VetoContext.with(Map.of("role", "support_l1", "userId", "u-42"))) {
 *     agent.chat("refund order 1001");
 * }
 * }</pre>
 *
 * Scopes nest: an inner scope sees the outer keys and may override them; closing it restores the outer
 * context exactly. Closing scopes out of order removes exactly the closed scope's entries.
 *
 * <p>The context belongs to the thread. Work handed to another thread carries it with {@link #wrap} or an
 * executor made by {@link #propagating}.
 */
public final class VetoContext {

    /** The innermost open scope of the thread; each scope links to the one it was opened in. */
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private VetoContext() {
    }

    /** The current thread's context, never null; unmodifiable. */
    public static Map<String, Object> current() {
        Scope scope = CURRENT.get();
        return scope == null ? Map.of() : scope.context;
    }

    /** Opens a scope in which {@code entries} are added to the current context; close it to restore. */
    public static Scope with(Map<String, ?> entries) {
        Objects.requireNonNull(entries, "entries");
        Scope scope = new Scope(CURRENT.get(), new LinkedHashMap<>(entries));
        CURRENT.set(scope);
        return scope;
    }

    /** Opens a scope with one key added to the current context. */
    public static Scope with(String key, Object value) {
        return with(Collections.singletonMap(key, value));
    }

    /** Runs {@code action} with {@code entries} added to the context. */
    public static void run(Map<String, ?> entries, Runnable action) {
        try (Scope ignored = with(entries)) {
            action.run();
        }
    }

    /** Calls {@code action} with {@code entries} added to the context and returns its result. */
    public static <T> T call(Map<String, ?> entries, Callable<T> action) throws Exception {
        try (Scope ignored = with(entries)) {
            return action.call();
        }
    }

    /**
     * The action, carrying the context of the thread that calls this method now: whichever thread runs it
     * later (a framework's pool, an executor) runs it inside a scope with that context, closed when it ends.
     * The context is thread-bound, so without this a tool run on another thread sees none.
     */
    public static Runnable wrap(Runnable action) {
        Objects.requireNonNull(action, "action");
        Map<String, Object> captured = current();
        return () -> run(captured, action);
    }

    /** {@link #wrap(Runnable)} for an action with a result. */
    public static <T> Callable<T> wrap(Callable<T> action) {
        Objects.requireNonNull(action, "action");
        Map<String, Object> captured = current();
        return () -> call(captured, action);
    }

    /**
     * An executor that hands each task the context of the thread that submits it ({@link #wrap(Runnable)}):
     * for frameworks that run tools on an executor they are given, such as LangChain4j's
     * {@code AiServices.builder(...).executeToolsConcurrently(VetoContext.propagating(executor))}.
     */
    public static Executor propagating(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    /**
     * A context scope. Closing it removes its entries from the thread's context, whatever the order in which
     * scopes are closed: closing an outer scope before an inner one leaves the inner one's entries and,
     * once that is closed too, nothing (never the outer context again). It must be closed on the thread that
     * opened it; elsewhere {@link #close} throws and changes nothing.
     */
    public static final class Scope implements AutoCloseable {

        private final Thread owner = Thread.currentThread();
        private final Map<String, Object> entries;
        /** The scope this one was opened in, or null; relinked when that one is closed first. */
        private Scope outer;
        /** The outer scope's context with this scope's entries; unmodifiable. */
        private Map<String, Object> context;
        private boolean closed;

        private Scope(Scope outer, Map<String, Object> entries) {
            this.outer = outer;
            this.entries = entries;
            this.context = merged();
        }

        private Map<String, Object> merged() {
            Map<String, Object> merged = new LinkedHashMap<>(outer == null ? Map.of() : outer.context);
            merged.putAll(entries);
            return Collections.unmodifiableMap(merged);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a VetoContext scope must be closed on the thread that opened it ("
                        + owner.getName() + "), not on " + Thread.currentThread().getName());
            }
            closed = true;
            Scope innermost = CURRENT.get();
            if (innermost == this) {
                if (outer == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(outer);
                }
                return;
            }
            // Closed before scopes opened inside it: take it out of their chain and rebuild their contexts.
            List<Scope> inside = new ArrayList<>();
            for (Scope scope = innermost; scope != null && scope != this; scope = scope.outer) {
                inside.add(scope);
            }
            if (inside.isEmpty() || inside.get(inside.size() - 1).outer != this) {
                return; // not on this thread's chain any more
            }
            inside.get(inside.size() - 1).outer = outer;
            for (int i = inside.size() - 1; i >= 0; i--) {
                inside.get(i).context = inside.get(i).merged();
            }
        }
    }
}
