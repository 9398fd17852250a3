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

    /**
     * Slots of the open-addressed table; a call that reads more distinct paths resolves the rest each time.
     * Eight is more than most calls read, and keeps the table to one small array.
     */
    private static final int SLOTS = 8;

    private final Map<String, ?> arguments;
    private final Map<String, ?> context;
    /** {@code [2i]} a path, {@code [2i + 1]} its value; allocated on the first read. */
    private Object[] table;

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
        if (table == null) {
            table = new Object[2 * SLOTS];
        }
        int slot = path.slotHash() & (SLOTS - 1);
        for (int probe = 0; probe < SLOTS; probe++) {
            Object held = table[2 * slot];
            if (held == path) {
                return table[2 * slot + 1];
            }
            if (held == null) {
                Object value = path.resolve(arguments, context);
                table[2 * slot] = path;
                table[2 * slot + 1] = value;
                return value;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return path.resolve(arguments, context);
    }
}
