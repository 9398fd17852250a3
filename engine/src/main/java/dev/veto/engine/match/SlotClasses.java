package dev.veto.engine.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classes a tool's values fall into, slot by slot: two values in the same class pass and fail exactly
 * the same equality, list and whole-number checks of the tool, so a value's class answers all of its slot's
 * such checks at once. Built with the tool's {@link CheckProgram} ({@link CheckProgram.Builder#classes}).
 *
 * <ul>
 *   <li>{@link #STRING}: a slot that equality or list checks compare with strings. The value must be a
 *       String; its class is the number of the literal it equals, or one past the last for any other.</li>
 *   <li>{@link #TEXT}: a slot only text checks read ({@code starts_with}, {@code contains}, a plain
 *       {@code regex}...). The value must be a String, its class is 0; each text check is judged on its own.</li>
 *   <li>{@link #WHOLE}: a slot compared with whole numbers. The value must be an int, long, short or byte;
 *       its class is its interval between the checks' bounds.</li>
 *   <li>{@link #PRESENCE}: a slot only {@code exists} checks read. Any value: missing (0), null (1) or
 *       present (2).</li>
 * </ul>
 *
 * A value of another type, or a path that fails to resolve, has no class: the caller then judges the call
 * check by check, where such a value gets its exact answer or error. Immutable; safe to share.
 */
public final class SlotClasses {

    static final int PRESENCE = 0;
    static final int STRING = 1;
    static final int TEXT = 2;
    static final int WHOLE = 3;

    /** {@link #classOf} for a value that has no class here. */
    public static final int NONE = -1;

    /*
     * Everything is kept flat: each slot's section laid end to end in one int[] (and the STRING slots'
     * literals end to end in one array), so that a decision diagram can copy them into its own array, beside
     * its nodes: a call then follows no reference from a node to its slot's classes.
     *   PRESENCE, TEXT: [kind]
     *   STRING:         [kind, number of literals, index of the first literal, CheckShape.hashTable words]
     *                   (class i is literal i; one past the last is "none of them")
     *   WHOLE:          [kind, number of bounds, each bound as two words (IntWords)]
     *                   (the ascending lowest values of the intervals after the first)
     */
    private final int[] sections;
    private final int[] sectionOf;
    private final String[] allLiterals;

    /**
     * @param literals per STRING slot its literals, null for other slots
     * @param bounds   per WHOLE slot the ascending lowest values of the intervals after the first
     */
    SlotClasses(int[] kinds, String[][] literals, long[][] bounds) {
        this.sectionOf = new int[kinds.length];
        List<String> flatLiterals = new ArrayList<>();
        int[][] parts = new int[kinds.length][];
        int total = 0;
        for (int slot = 0; slot < kinds.length; slot++) {
            parts[slot] = switch (kinds[slot]) {
                case STRING -> stringSection(literals[slot], flatLiterals.size());
                case WHOLE -> wholeSection(bounds[slot]);
                default -> new int[] {kinds[slot]};
            };
            if (kinds[slot] == STRING) {
                flatLiterals.addAll(List.of(literals[slot]));
            }
            sectionOf[slot] = total;
            total += parts[slot].length;
        }
        this.sections = new int[total];
        for (int slot = 0; slot < kinds.length; slot++) {
            System.arraycopy(parts[slot], 0, sections, sectionOf[slot], parts[slot].length);
        }
        this.allLiterals = flatLiterals.toArray(new String[0]);
    }

    private static int[] stringSection(String[] own, int first) {
        int[] table = CheckShape.hashTable(own);
        int[] section = new int[3 + table.length];
        section[0] = STRING;
        section[1] = own.length;
        section[2] = first;
        System.arraycopy(table, 0, section, 3, table.length);
        return section;
    }

    private static int[] wholeSection(long[] lows) {
        int[] section = new int[2 + 2 * lows.length];
        section[0] = WHOLE;
        section[1] = lows.length;
        for (int i = 0; i < lows.length; i++) {
            IntWords.putLong(section, 2 + 2 * i, lows[i]);
        }
        return section;
    }

    /** The words of every slot's section, end to end (a copy). */
    public int[] sections() {
        return sections.clone();
    }

    /** Where the slot's section starts in {@link #sections}. */
    public int sectionOf(int slot) {
        return sectionOf[slot];
    }

    /** The literals the sections name by index (a copy). */
    public String[] literals() {
        return allLiterals.clone();
    }

    /** How many classes the slot's values fall into. */
    public int count(int slot) {
        int at = sectionOf[slot];
        return switch (sections[at]) {
            case PRESENCE -> 3;
            case TEXT -> 1;
            default -> sections[at + 1] + 1; // STRING: its literals and none; WHOLE: its bounds and the first
        };
    }

    /** Whether the call's value at the slot is a String (false too when its path fails to resolve). */
    public static boolean isString(int slot, SlotValues call) {
        return call.valueOrUnreadable(slot) instanceof String;
    }

    /** The class of the call's value at the slot, or {@link #NONE} (wrong type, or the path failed to resolve). */
    public int classOf(int slot, SlotValues call) {
        return classIn(sections, sectionOf[slot], allLiterals, slot, call);
    }

    /**
     * The class of the call's value at the slot by the slot's section laid out at {@code words[at]}, whose
     * literals are {@code strings[index]}; or {@link #NONE}.
     */
    public static int classIn(int[] words, int at, Object[] strings, int slot, SlotValues call) {
        Object value = call.valueOrUnreadable(slot);
        if (value == SlotValues.UNREADABLE) {
            return NONE;
        }
        switch (words[at]) {
            case STRING:
                if (value instanceof String s) {
                    int number = CheckShape.numberIn(words, at + 3, strings, words[at + 2], s);
                    return number == 0 ? words[at + 1] : number - 1;
                }
                return NONE;
            case TEXT:
                return value instanceof String ? 0 : NONE;
            case WHOLE:
                if (ExactNumbers.isWholeType(value)) {
                    return interval(words, at + 2, words[at + 1], ((Number) value).longValue());
                }
                return NONE;
            default:
                return value == ValuePath.MISSING ? 0 : value == null ? 1 : 2;
        }
    }

    /** How many of the {@code count} ascending bounds at {@code words[at]} are at most the number. */
    private static int interval(int[] words, int at, int count, long number) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (IntWords.longAt(words, at + 2 * middle) <= number) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Whether a check of this shape holds for every value of the class (the class decides it, see above). */
    boolean holds(CheckShape shape, int slot, int cls) {
        int op = shape.op;
        boolean negated = (op & CheckShape.NEGATED) != 0;
        int at = sectionOf[slot];
        switch (op & CheckShape.KIND) {
            case CheckShape.EXISTS: {
                boolean expected = (op & CheckShape.EXPECTED) != 0;
                // a typed value is present and not null; a PRESENCE class is missing, null or present
                return sections[at] != PRESENCE || cls == 2 ? expected : !expected;
            }
            case CheckShape.STRING_IN:
            case CheckShape.STRING_SET: {
                boolean in = cls < sections[at + 1]
                        && Arrays.asList(shape.strings).contains(allLiterals[sections[at + 2] + cls]);
                return in != negated;
            }
            default: {
                long representative = cls == 0 ? Long.MIN_VALUE : IntWords.longAt(sections, at + 2 * cls);
                long lowest = IntWords.longAt(shape.words, 0);
                long highest = IntWords.longAt(shape.words, 2);
                return (representative >= lowest && representative <= highest) != negated;
            }
        }
    }
}
