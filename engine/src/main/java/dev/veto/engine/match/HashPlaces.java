package dev.veto.engine.match;

/**
 * Where the hot path's flat hash tables put a key: open addressing with linear probing in a power-of-two
 * table kept at most half full, so a search soon meets an empty place. Shared by {@link CheckShape}'s long
 * string lists and the engine's table of tool names, so both size and probe alike.
 */
public final class HashPlaces {

    private HashPlaces() {
    }

    /** A power of two at least twice {@code entries}, and at least 4. */
    public static int capacity(int entries) {
        return Integer.highestOneBit(Math.max(4, entries * 2 - 1)) << 1;
    }

    /** The first place to try for {@code hash}; the next ones follow it, wrapping at the end. */
    public static int home(int hash, int mask) {
        // keys that differ only in their last characters (tool_001, tool_002) differ in the high bits too
        return (hash ^ (hash >>> 16)) & mask;
    }
}
