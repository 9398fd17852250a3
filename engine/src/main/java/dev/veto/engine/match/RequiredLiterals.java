package dev.veto.engine.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The text every whole-string match of a regex must contain, read from the regex's source: a cheap test
 * that lets the {@code regex} operator answer "no match" without running the regex when a required piece
 * is absent (the literal prefilter that RE2 and Rust's regex use). When the piece is present the regex
 * still decides, so the answer is always the regex's own.
 *
 * <p>Only a small, plain grammar is read: an optional leading {@code (?i)}; literal ASCII characters;
 * escaped punctuation ({@code \.}); the classes {@code . \s \S \d \D \w \W} and the boundaries
 * {@code \b \B}; and the quantifiers {@code * + ?} (with a lazy or possessive suffix). A run of literal
 * characters not made optional by a quantifier must appear in every match. Any other construct (groups,
 * alternation, brackets, anchors, counted repetition, other escapes, non-ASCII text) gives
 * {@link #NONE}: no prefilter, the regex runs every time.
 */
final class RequiredLiterals {

    static final RequiredLiterals NONE = new RequiredLiterals(new String[0], false);

    private static final String META = "\\.[](){}*+?^$|";
    private static final String CLASS_ESCAPES = "sSdDwWbB";

    private final String[] literals;
    private final boolean ignoreCase;

    private RequiredLiterals(String[] literals, boolean ignoreCase) {
        this.literals = literals;
        this.ignoreCase = ignoreCase;
    }

    /** The required pieces of a regex that compiles; {@link #NONE} when it is outside the grammar. */
    static RequiredLiterals of(String regex) {
        boolean ignoreCase = regex.startsWith("(?i)");
        int i = ignoreCase ? 4 : 0;
        List<String> found = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean lastWasLiteral = false;
        boolean canQuantify = false;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '*' || c == '?' || c == '+') {
                if (!canQuantify) {
                    return NONE; // a quantifier on nothing, or on a quantifier: not this grammar
                }
                if (lastWasLiteral && c != '+') {
                    run.setLength(run.length() - 1); // zero times is allowed: that character is not required
                }
                endRun(run, found);
                i++;
                if (i < regex.length() && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) {
                    i++; // lazy or possessive: the same characters can match
                }
                lastWasLiteral = false;
                canQuantify = false;
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    return NONE;
                }
                char escaped = regex.charAt(i + 1);
                i += 2;
                if (escaped < 128 && META.indexOf(escaped) >= 0 || escaped == '-' || escaped == '/') {
                    run.append(escaped);
                    lastWasLiteral = true;
                } else if (CLASS_ESCAPES.indexOf(escaped) >= 0) {
                    endRun(run, found);
                    lastWasLiteral = false;
                } else {
                    return NONE; // \Q, \x41, \1, \p{..}, \n ...: not read here
                }
                canQuantify = true;
                continue;
            }
            if (c == '.') {
                endRun(run, found);
                lastWasLiteral = false;
            } else if (c >= 0x20 && c < 0x7F && META.indexOf(c) < 0) {
                run.append(c);
                lastWasLiteral = true;
            } else {
                return NONE; // a group, bracket, anchor, brace, or a character outside printable ASCII
            }
            canQuantify = true;
            i++;
        }
        endRun(run, found);
        return found.isEmpty() ? NONE : new RequiredLiterals(found.toArray(new String[0]), ignoreCase);
    }

    private static void endRun(StringBuilder run, List<String> found) {
        if (run.length() > 0) {
            found.add(run.toString());
            run.setLength(0);
        }
    }

    /** False only when some required piece is absent, so the regex cannot match; true means "run the regex". */
    boolean mayMatch(String text) {
        for (String literal : literals) {
            if (ignoreCase ? !containsIgnoringCase(text, literal) : !text.contains(literal)) {
                return false;
            }
        }
        return true;
    }

    /** The pieces (also what {@link CheckProgram} keeps inline). */
    List<String> literals() {
        return List.of(literals);
    }

    /** Whether the pieces are compared with ASCII letters in either case, as {@code (?i)} does. */
    boolean ignoreCase() {
        return ignoreCase;
    }

    /**
     * Whether the text contains the literal with ASCII letters compared in either case, which is how the
     * regex's {@code (?i)} compares them. A character outside ASCII counts as equal to anything: how a
     * regex folds it is left to the regex, so the prefilter can only be more willing, never less.
     */
    private static boolean containsIgnoringCase(String text, String literal) {
        int last = text.length() - literal.length();
        for (int start = 0; start <= last; start++) {
            int j = 0;
            while (j < literal.length() && sameIgnoringCase(text.charAt(start + j), literal.charAt(j))) {
                j++;
            }
            if (j == literal.length()) {
                return true;
            }
        }
        return false;
    }

    /** {@code literal} is printable ASCII (the grammar allows nothing else). */
    static boolean sameIgnoringCase(char text, char literal) {
        if (text == literal || text >= 128) {
            return true;
        }
        char lower = (char) (literal | 0x20);
        return lower >= 'a' && lower <= 'z' && (text | 0x20) == lower;
    }
}
