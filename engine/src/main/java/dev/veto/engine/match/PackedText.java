package dev.veto.engine.match;

/**
 * A literal's characters kept inside a compiled program's {@code int[]} (its length, then two chars per
 * int), and the string tests {@link CheckProgram} runs against them. Kept inline so that testing a value
 * reads the program's array, which the call is reading anyway, and not a String and its byte array
 * elsewhere in memory. Each test answers exactly as the String method it stands for.
 */
final class PackedText {

    private PackedText() {
    }

    /** How many ints {@link #pack} writes for this text. */
    static int words(String text) {
        return 1 + (text.length() + 1) / 2;
    }

    /** Writes the text at {@code code[at]} onwards: its length, then its chars two to an int. */
    static void pack(String text, int[] code, int at) {
        code[at] = text.length();
        for (int i = 0; i < text.length(); i += 2) {
            int low = text.charAt(i);
            int high = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            code[at + 1 + i / 2] = low | high << 16;
        }
    }

    static int length(int[] code, int at) {
        return code[at];
    }

    static char charAt(int[] code, int at, int i) {
        int word = code[at + 1 + (i >> 1)];
        return (char) ((i & 1) == 0 ? word : word >>> 16);
    }

    /** {@code s.startsWith(text)}. */
    static boolean startsWith(String s, int[] code, int at) {
        int n = code[at];
        if (s.length() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) != charAt(code, at, i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code s.endsWith(text)}. */
    static boolean endsWith(String s, int[] code, int at) {
        int n = code[at];
        int base = s.length() - n;
        if (base < 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(base + i) != charAt(code, at, i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code s.contains(text)}: the first char found by {@link String#indexOf(int, int)} (vectorized), then the rest. */
    static boolean contains(String s, int[] code, int at) {
        int n = code[at];
        if (n == 0) {
            return true;
        }
        char first = charAt(code, at, 0);
        int last = s.length() - n;
        for (int start = s.indexOf(first); start >= 0 && start <= last; start = s.indexOf(first, start + 1)) {
            int j = 1;
            while (j < n && s.charAt(start + j) == charAt(code, at, j)) {
                j++;
            }
            if (j == n) {
                return true;
            }
        }
        return false;
    }

    /** As {@link RequiredLiterals}'s case-blind search: ASCII letters in either case, non-ASCII text matching anything. */
    static boolean containsIgnoringCase(String s, int[] code, int at) {
        int n = code[at];
        int last = s.length() - n;
        for (int start = 0; start <= last; start++) {
            int j = 0;
            while (j < n && RequiredLiterals.sameIgnoringCase(s.charAt(start + j), charAt(code, at, j))) {
                j++;
            }
            if (j == n) {
                return true;
            }
        }
        return false;
    }
}
