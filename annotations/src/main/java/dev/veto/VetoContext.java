package dev.veto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

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
 * context exactly.
 */
public final class VetoContext {

    private static final ThreadLocal<Map<String, Object>> CURRENT = new ThreadLocal<>();

    private VetoContext() {
    }

    /** The current thread's context, never null; unmodifiable. */
    public static Map<String, Object> current() {
        Map<String, Object> context = CURRENT.get();
        return context == null ? Map.of() : context;
    }

    /** Opens a scope in which {@code entries} are added to the current context; close it to restore. */
    public static Scope with(Map<String, ?> entries) {
        Objects.requireNonNull(entries, "entries");
        Map<String, Object> previous = CURRENT.get();
        Map<String, Object> merged = new LinkedHashMap<>(previous == null ? Map.of() : previous);
        merged.putAll(entries);
        CURRENT.set(Collections.unmodifiableMap(merged));
        return new Scope(previous);
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

    /** A context scope; closing it restores the context that was current when it was opened. */
    public static final class Scope implements AutoCloseable {

        private final Map<String, Object> previous;
        private boolean closed;

        private Scope(Map<String, Object> previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
