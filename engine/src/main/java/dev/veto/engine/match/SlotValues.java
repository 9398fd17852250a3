package dev.veto.engine.match;

import java.util.Map;

/**
 * One call's arguments and context as a tool's compiled checks ({@link CheckProgram}) read them: the
 * program numbered the distinct paths of the tool's rules, and each is resolved at most once per call into
 * its slot. A slot is an array index, where {@link CallValues} (the explaining path) hashes the path.
 *
 * <p>Only values are kept; a path whose resolution fails (a getter that throws) is resolved again by the
 * next check and fails again, as in {@link CallValues}. Not thread-safe: one per call, on the calling thread.
 */
public final class SlotValues {

    /** Marks a slot whose path led to a null (an empty slot is one not resolved yet). */
    private static final Object NULL = new Object();
    /** {@link #valueOrUnreadable}: the path failed to resolve. */
    static final Object UNREADABLE = new Object();

    private final Map<String, ?> arguments;
    private final Map<String, ?> context;
    private final ValuePath[] paths;
    private final Object[] values;

    /** @param paths the program's path of each slot */
    SlotValues(Map<String, ?> arguments, Map<String, ?> context, ValuePath[] paths) {
        this.arguments = arguments;
        this.context = context;
        this.paths = paths;
        this.values = new Object[paths.length];
    }

    /**
     * Whether every slot in {@code strings} holds a String and every slot in {@code wholes} an int, long,
     * short or byte (resolving those not resolved yet; a path that fails to resolve holds neither).
     */
    public boolean haveTypes(long strings, long wholes) {
        for (long left = strings; left != 0; left &= left - 1) {
            if (!(valueOrUnreadable(Long.numberOfTrailingZeros(left)) instanceof String)) {
                return false;
            }
        }
        for (long left = wholes; left != 0; left &= left - 1) {
            if (!ExactNumbers.isWholeType(valueOrUnreadable(Long.numberOfTrailingZeros(left)))) {
                return false;
            }
        }
        return true;
    }

    /** {@link #haveTypes} with the two masks as {@link IntWords} at {@code words[at]} and {@code words[at + 2]}. */
    public boolean haveTypes(int[] words, int at) {
        return haveTypes(IntWords.longAt(words, at), IntWords.longAt(words, at + 2));
    }

    /** {@link #valueAt}, or {@link #UNREADABLE} when the path fails to resolve (a getter throws, say). */
    Object valueOrUnreadable(int slot) {
        try {
            return valueAt(slot);
        } catch (EvaluationException | RuntimeException | StackOverflowError e) {
            return UNREADABLE;
        }
    }

    /**
     * The value at the slot's path, as {@link ValuePath#resolve} gives it.
     *
     * @throws EvaluationException when a getter on the way throws
     */
    Object valueAt(int slot) throws EvaluationException {
        Object value = values[slot];
        if (value == null) {
            value = paths[slot].resolve(arguments, context);
            values[slot] = value == null ? NULL : value;
            return value;
        }
        return value == NULL ? null : value;
    }
}
