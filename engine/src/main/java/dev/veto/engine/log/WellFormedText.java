package dev.veto.engine.log;

/**
 * Text that UTF-8 can carry. A Java string may hold half of a surrogate pair, which has no UTF-8 encoding:
 * writing it gives {@code ?}. The log's hash is computed before the text is written, and a key that turns
 * into {@code ?} also sorts elsewhere in the canonical form, so such a line would never verify. Every text
 * that enters a log line (and the reviewer's JSON) passes through here first, and a lone surrogate becomes
 * U+FFFD, the replacement character, which reads back as itself.
 */
final class WellFormedText {

    static final char REPLACEMENT = '\uFFFD';

    private WellFormedText() {
    }

    static String of(String text) {
        int lone = firstLoneSurrogate(text, 0);
        return lone < 0 ? text : replaceLoneSurrogates(text, lone);
    }

    /** Where the first half without its other half is, from {@code from} on; -1 when there is none. */
    private static int firstLoneSurrogate(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // a pair
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The slow path, from the first lone half on. */
    private static String replaceLoneSurrogates(String text, int lone) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (lone >= 0) {
            out.append(text, from, lone).append(REPLACEMENT);
            from = lone + 1;
            lone = firstLoneSurrogate(text, from);
        }
        return out.append(text, from, text.length()).toString();
    }
}
