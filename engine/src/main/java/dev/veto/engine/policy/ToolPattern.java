package dev.veto.engine.policy;

import java.util.regex.Pattern;

/**
 * A rule's {@code tool:}: an exact, case-sensitive name, or a glob where {@code *} is any run of characters
 * and {@code ?} is one character. Globs are compiled once.
 */
public final class ToolPattern {

    private final String text;
    private final Pattern glob;

    private ToolPattern(String text, Pattern glob) {
        this.text = text;
        this.glob = glob;
    }

    public static ToolPattern of(String text) {
        if (text.indexOf('*') < 0 && text.indexOf('?') < 0) {
            return new ToolPattern(text, null);
        }
        return new ToolPattern(text, Pattern.compile(globToRegex(text), Pattern.DOTALL)); // a line break is a character too
    }

    /** Also used by the agent for {@code instrument: class:} globs. */
    public static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }

    public boolean isGlob() {
        return glob != null;
    }

    public boolean matches(String tool) {
        return glob == null ? text.equals(tool) : glob.matcher(tool).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
