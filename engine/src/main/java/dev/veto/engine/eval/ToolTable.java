package dev.veto.engine.eval;

import dev.veto.engine.match.HashPlaces;
import java.util.Map;

/**
 * The exact tool names of a policy and their programs, in a flat open-addressed table: names, their hashes
 * and programs in three parallel arrays. A lookup reads the hash array, then the name and the program at
 * the same index: the program is reached from the table directly, where a HashMap goes through a node
 * object first (one more memory access, on every call, to a place that is rarely in cache when a policy
 * has many tools). A name is compared by identity first, then by hash and text: the names here are
 * interned, and so is the one String the agent hands over for each woven method, so an agent's call finds
 * its tool without reading either name's characters. Immutable once built; safe to read from any thread.
 */
final class ToolTable {

    private final String[] names;
    private final int[] hashes;
    private final ToolProgram[] programs;
    private final int mask;

    ToolTable(Map<String, ToolProgram> byName) {
        int capacity = HashPlaces.capacity(byName.size());
        names = new String[capacity];
        hashes = new int[capacity];
        programs = new ToolProgram[capacity];
        mask = capacity - 1;
        byName.forEach((key, program) -> {
            String name = key.intern();
            int hash = name.hashCode();
            int at = HashPlaces.home(hash, mask);
            while (names[at] != null) {
                at = (at + 1) & mask;
            }
            names[at] = name;
            hashes[at] = hash;
            programs[at] = program;
        });
    }

    /** The program of an exact name, or null when the policy names no such tool. */
    ToolProgram get(String tool) {
        int hash = tool.hashCode();
        for (int at = HashPlaces.home(hash, mask); ; at = (at + 1) & mask) {
            String name = names[at];
            if (name == null) {
                return null;
            }
            if (name == tool || hashes[at] == hash && name.equals(tool)) {
                return programs[at];
            }
        }
    }
}
