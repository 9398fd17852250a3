package dev.veto.engine.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The text every whole-string match of a regex must contain, read from the regex's source: a cheap test
 * that lets the {@code regex} operator answer "no match" without running the regex when a required piece
 * is absent (the literal prefilter that RE2 and Rust's regex use). When the piece is present the regex
 * still decides, so the answer is always the regex's own.
 *
 * <p>Only regexes of the plain grammar ({@link PlainGrammar}, whose reading {@link PlainRegex} shares) are
 * read: a run of literal characters not made optional by a quantifier must appear in every match. Any
 * other regex gives {@link #NONE}: no prefilter, the regex runs every time.
 */
final class RequiredLiterals {

    static final RequiredLiterals NONE = new RequiredLiterals(new String[0], false, false);


    private final String[] literals;
    private final boolean ignoreCase;
    private final boolean plain;

    private RequiredLiterals(String[] literals, boolean ignoreCase, boolean plain) {
        this.literals = literals;
        this.ignoreCase = ignoreCase;
        this.plain = plain;
    }

    /** The required pieces of a regex that compiles; {@link #NONE} when it is outside the grammar. */
    static RequiredLiterals of(String regex) {
        PlainGrammar.Parsed parsed = PlainGrammar.parse(regex);
        return parsed == null ? NONE : of(parsed, PlainRegex.of(parsed) != null);
    }

    /**
     * The required pieces of a regex of the grammar: each run of literal characters that a quantifier does
     * not make optional ({@code a+} keeps its {@code a}, and ends the run).
     *
     * @param plain whether {@link PlainRegex} matches it (see {@link #plain})
     */
    static RequiredLiterals of(PlainGrammar.Parsed parsed, boolean plain) {
        List<String> found = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (PlainGrammar.Piece piece : parsed.pieces()) {
            boolean required = piece.kind() == PlainGrammar.Kind.LITERAL
                    && (piece.repeat() == PlainGrammar.Repeat.ONCE || piece.repeat() == PlainGrammar.Repeat.AT_LEAST_ONCE);
            if (required) {
                run.append(piece.literal());
            }
            if (!required || piece.repeat() != PlainGrammar.Repeat.ONCE) {
                endRun(run, found);
            }
        }
        endRun(run, found);
        return new RequiredLiterals(found.toArray(new String[0]), parsed.ignoreCase(), plain);
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
            if (!contains(text, literal, ignoreCase)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text holds the piece; shared with {@link CheckProgram}, so both paths answer alike. */
    static boolean contains(String text, String piece, boolean ignoreCase) {
        return ignoreCase ? containsIgnoringCase(text, piece) : text.contains(piece);
    }

    /** The pieces (also what {@link CheckProgram} keeps inline). */
    List<String> literals() {
        return List.of(literals);
    }

    /**
     * Whether the regex is in the plain grammar above and {@link PlainRegex} matches it (it may still have no
     * required piece): in time linear in the text, without recursion, so it cannot overflow the stack or run
     * for long on any value, and only the value's type decides whether it can be judged without error. A
     * regex in the grammar that {@link PlainRegex} leaves out (a possessive repeat, a repeated boundary, more
     * than 63 atoms) is not plain: {@code java.util.regex} judges it under the time limit.
     */
    boolean plain() {
        return plain;
    }

    /** Whether the pieces are compared with ASCII letters in either case, as {@code (?i)} does. */
    boolean ignoreCase() {
        return ignoreCase;
    }

    /**
     * Whether the text contains the literal with its ASCII letters in either case. A {@code (?i)} regex (no
     * {@code u} flag) folds ASCII letters only: a text character matches a literal one when it is that
     * character or, for a letter, its other ASCII case, never a character outside ASCII. So a match can only
     * start where the literal's first character is, in either case: {@link String#indexOf(int, int)} (which the
     * JIT vectorizes) finds those places, and {@link #sameIgnoringAsciiCase} compares the rest as the regex
     * does. ({@code String.regionMatches(true, ...)} would fold as Unicode does, wider than the regex, and
     * look each character up in the JDK's case tables: slower, for no answer the regex would give.)
     */
    private static boolean containsIgnoringCase(String text, String literal) {
        int n = literal.length();
        if (n == 0) {
            return true;
        }
        char first = literal.charAt(0);
        char lower = (char) (first | 0x20);
        char other = lower >= 'a' && lower <= 'z' ? (char) (first ^ 0x20) : first;
        int last = text.length() - n;
        int atFirst = text.indexOf(first);
        int atOther = other == first ? -1 : text.indexOf(other);
        while (true) {
            int start = atOther < 0 || (atFirst >= 0 && atFirst < atOther) ? atFirst : atOther;
            if (start < 0 || start > last) {
                return false;
            }
            if (sameIgnoringAsciiCase(text, start, literal)) {
                return true;
            }
            if (start == atFirst) {
                atFirst = text.indexOf(first, start + 1);
            } else {
                atOther = text.indexOf(other, start + 1);
            }
        }
    }

    /** Whether the text from {@code start} holds the literal, with ASCII letters in either case (start <= length - n). */
    private static boolean sameIgnoringAsciiCase(String text, int start, String literal) {
        for (int j = 1; j < literal.length(); j++) {
            char c = text.charAt(start + j);
            char l = literal.charAt(j);
            // the same letter in the other case: equal with the case bit (0x20) set, and a letter
            if (c != l && ((c | 0x20) != (l | 0x20) || (l | 0x20) < 'a' || (l | 0x20) > 'z')) {
                return false;
            }
        }
        return true;
    }
}
