package dev.veto.engine.match;

/**
 * A long kept in two ints of the hot path's {@code int[]} layouts (check operands, class sections, a
 * decision diagram's leaves): the high word first. One place for the encoding that all of them read.
 */
public final class IntWords {

    private IntWords() {
    }

    /** Writes the long at {@code words[at]} and {@code words[at + 1]}. */
    public static void putLong(int[] words, int at, long value) {
        words[at] = (int) (value >>> 32);
        words[at + 1] = (int) value;
    }

    /** The long alone, as two words. */
    public static int[] ofLong(long value) {
        int[] words = new int[2];
        putLong(words, 0, value);
        return words;
    }

    /** The long {@link #putLong} wrote at {@code words[at]}. */
    public static long longAt(int[] words, int at) {
        return (long) words[at] << 32 | (words[at + 1] & 0xFFFFFFFFL);
    }
}
