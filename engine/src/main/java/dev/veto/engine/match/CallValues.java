package dev.veto.engine.match;

import java.util.Map;

/**
 * One call's arguments and context as the checks of a policy read them: each path is resolved once per
 * call and its value kept for the other checks on the same path. The rules of one tool often test the same
 * few paths ({@code arguments.amount}, {@code context.role}) many times over, and each resolution is a map
 * lookup per segment, or a getter call.
 *
 * <p>Only values are kept; a path whose resolution fails (a getter that throws) is resolved again by the
 * next check and fails again, as it would without this. Paths are told apart by identity: the policy
 * loader gives one {@link ValuePath} instance to each distinct path text, so a path that is equal but not
 * the same instance is simply resolved on its own. Not thread-safe: one per call, on the calling thread.
 */
public final class CallValues {

    /** Slots of the open-addressed table; a call that reads more distinct paths resolves the rest each time. */
    private static final int SLOTS = 16;

    private final Map<String, ?> arguments;
    private final Map<String, ?> context;
    private ValuePath[] paths;
    private Object[] values;

    public CallValues(Map<String, ?> arguments, Map<String, ?> context) {
        this.arguments = arguments;
        this.context = context;
    }

    public Map<String, ?> arguments() {
        return arguments;
    }

    public Map<String, ?> context() {
        return context;
    }

    /**
     * The value at the path, as {@link ValuePath#resolve} gives it.
     *
     * @throws EvaluationException when a getter on the way throws
     */
    public Object valueAt(ValuePath path) throws EvaluationException {
        if (paths == null) {
            paths = new ValuePath[SLOTS];
            values = new Object[SLOTS];
        }
        int slot = path.slotHash() & (SLOTS - 1);
        for (int probe = 0; probe < SLOTS; probe++) {
            ValuePath held = paths[slot];
            if (held == path) {
                return values[slot];
            }
            if (held == null) {
                Object value = path.resolve(arguments, context);
                paths[slot] = path;
                values[slot] = value;
                return value;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return path.resolve(arguments, context);
    }
}
