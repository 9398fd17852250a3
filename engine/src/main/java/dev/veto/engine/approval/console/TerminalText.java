package dev.veto.engine.approval.console;

/**
 * Makes text safe to print on a terminal. Tool arguments come from a model and may carry escape
 * sequences that would move the cursor, rewrite the prompt or hide text, or bidirectional overrides that
 * reorder what the reviewer reads; every such character is shown as {@code \\uXXXX} instead.
 */
final class TerminalText {

    private TerminalText() {
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f);
            boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f;
            if (control || bidi) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
