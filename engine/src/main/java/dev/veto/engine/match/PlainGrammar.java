package dev.veto.engine.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The one reading of a regex in the plain grammar, shared by the literal prefilter ({@link RequiredLiterals})
 * and the linear-time matcher ({@link PlainRegex}): the prefilter may answer "no match" only where the
 * matcher would, so both must see the same pieces in the same regex.
 *
 * <p>The grammar: an optional leading {@code (?i)}; literal printable ASCII characters; escaped punctuation
 * ({@code \.}, {@code \-}, {@code \/}); the classes {@code . \s \S \d \D \w \W}; the boundaries {@code \b \B};
 * and the quantifiers {@code * + ?}, each with an optional lazy ({@code ?}) or possessive ({@code +}) suffix.
 * Anything else (groups, alternation, brackets, anchors, counted repetition, other escapes, non-ASCII text)
 * is outside it.
 */
final class PlainGrammar {

    /** Characters that are not literal unless escaped. */
    private static final String META = "\\.[](){}*+?^$|";

    enum Kind { LITERAL, ANY, SPACE, NOT_SPACE, DIGIT, NOT_DIGIT, WORD, NOT_WORD, BOUNDARY, NOT_BOUNDARY }

    enum Repeat { ONCE, OPTIONAL, ANY_TIMES, AT_LEAST_ONCE }

    /**
     * One piece of the regex: an atom or a boundary, and how often.
     *
     * @param literal    the character, for {@link Kind#LITERAL}
     * @param possessive the quantifier has the possessive suffix (it gives up what it took, so matches less)
     */
    record Piece(Kind kind, char literal, Repeat repeat, boolean possessive) {

        boolean isBoundary() {
            return kind == Kind.BOUNDARY || kind == Kind.NOT_BOUNDARY;
        }
    }

    /** A regex of the grammar: whether it starts with {@code (?i)}, and its pieces in order. */
    record Parsed(boolean ignoreCase, List<Piece> pieces) {
    }

    private PlainGrammar() {
    }

    /** The regex's pieces, or null when it is outside the grammar. */
    static Parsed parse(String regex) {
        boolean ignoreCase = regex.startsWith("(?i)");
        List<Piece> pieces = new ArrayList<>();
        int i = ignoreCase ? 4 : 0;
        while (i < regex.length()) {
            char c = regex.charAt(i++);
            if (c == '*' || c == '+' || c == '?') {
                Piece last = pieces.isEmpty() ? null : pieces.get(pieces.size() - 1);
                if (last == null || last.repeat() != Repeat.ONCE) {
                    return null; // a quantifier on nothing, or on a quantifier
                }
                boolean possessive = i < regex.length() && regex.charAt(i) == '+';
                if (i < regex.length() && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) {
                    i++; // lazy or possessive
                }
                Repeat repeat = c == '*' ? Repeat.ANY_TIMES : c == '+' ? Repeat.AT_LEAST_ONCE : Repeat.OPTIONAL;
                pieces.set(pieces.size() - 1, new Piece(last.kind(), last.literal(), repeat, possessive));
                continue;
            }
            Kind kind;
            char literal = 0;
            if (c == '\\') {
                if (i >= regex.length()) {
                    return null;
                }
                char escaped = regex.charAt(i++);
                kind = switch (escaped) {
                    case 's' -> Kind.SPACE;
                    case 'S' -> Kind.NOT_SPACE;
                    case 'd' -> Kind.DIGIT;
                    case 'D' -> Kind.NOT_DIGIT;
                    case 'w' -> Kind.WORD;
                    case 'W' -> Kind.NOT_WORD;
                    case 'b' -> Kind.BOUNDARY;
                    case 'B' -> Kind.NOT_BOUNDARY;
                    default -> escaped < 128 && (META.indexOf(escaped) >= 0 || escaped == '-' || escaped == '/')
                            ? Kind.LITERAL : null; // \t, \Q, \x41, \p{..}: not this grammar
                };
                if (kind == null) {
                    return null;
                }
                literal = escaped;
            } else if (c == '.') {
                kind = Kind.ANY;
            } else if (c >= 0x20 && c < 0x7F && META.indexOf(c) < 0) {
                kind = Kind.LITERAL;
                literal = c;
            } else {
                return null; // a group, bracket, anchor, brace, or a character outside printable ASCII
            }
            pieces.add(new Piece(kind, literal, Repeat.ONCE, false));
        }
        return new Parsed(ignoreCase, List.copyOf(pieces));
    }
}
