package dev.veto.engine.match;

import dev.veto.engine.match.PlainGrammar.Kind;
import dev.veto.engine.match.PlainGrammar.Repeat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole-string match for the regexes of the plain grammar ({@link PlainGrammar}), in time linear in the
 * value's length, with {@code java.util.regex}'s answers.
 *
 * <p>Why: {@code java.util.regex} backtracks. A plain regex cannot overflow its stack, but with several
 * unbounded repeats it can take minutes on a long value: {@code .*a.*b} tries each place of the first
 * {@code .*} against each of the second, and a value of 100,000 {@code a}s is 10^10 steps, on the thread of
 * the tool call, with the value in the caller's hands. A plain regex is a sequence of atoms (a literal, a
 * class, {@code .}), each once, optional or repeated, with word boundaries between them: a finite automaton
 * of one state per atom, which this class runs on all its states at once, one bit each in a {@code long}
 * (the bit-parallel simulation of Baeza-Yates and Gonnet, with repeats). Each character costs a few bit
 * operations whatever the regex and the value; nothing is allocated.
 *
 * <p>It gives {@code java.util.regex}'s answer, which {@code PlainRegexTest} checks against it on many
 * generated regexes and values: it reads the value by code point, as the JDK's classes and {@code .} do; a
 * {@code (?i)} literal matches the other ASCII case only; {@code .} stops at the JDK's line terminators;
 * {@code \s \d \w} are the JDK's ASCII classes. Greedy and lazy repeats find the same whole matches, so both
 * are read alike. A word boundary between two ASCII characters is decided here; one next to another
 * character is asked of the JDK's own {@code \b} (whose idea of a word character, and of combining marks,
 * differs between JDK releases). What the simulation does not cover gives {@code null} from {@link #of}, and
 * the JDK's regex runs as before: possessive repeats (which find fewer matches), a repeated boundary, and
 * regexes of more than 63 atoms.
 */
final class PlainRegex {

    private static final int MAX_STATES = 63;
    private static final Pattern BOUNDARY = Pattern.compile("\\b");

    /** For each ASCII character, the atoms that accept it. */
    private final long[] ascii = new long[128];
    /** The atoms that accept a character outside ASCII that is a line terminator ({@code \u0085 \u2028 \u2029}). */
    private final long otherTerminator;
    /** The atoms that accept any other character outside ASCII. */
    private final long other;
    /** Atoms passed over after one character (once or optional); {@link #repeated} atoms stay. */
    private final long advancing;
    private final long repeated;
    /** Atoms that may be skipped (optional or repeated any number of times). */
    private final long skippable;
    /** The states (before an atom, or the last: the end) that need a word boundary, or its absence, where they are. */
    private final long atBoundary;
    private final long notAtBoundary;
    private final long accept;

    private PlainRegex(List<Atom> atoms, long atBoundary, long notAtBoundary, boolean ignoreCase) {
        long otherTerminator = 0;
        long other = 0;
        long advancing = 0;
        long repeated = 0;
        long skippable = 0;
        for (int j = 0; j < atoms.size(); j++) {
            Atom atom = atoms.get(j);
            long bit = 1L << j;
            for (int c = 0; c < 128; c++) {
                if (atom.accepts(c, ignoreCase)) {
                    ascii[c] |= bit;
                }
            }
            if (atom.kind == Kind.NOT_SPACE || atom.kind == Kind.NOT_DIGIT || atom.kind == Kind.NOT_WORD) {
                otherTerminator |= bit;
                other |= bit;
            } else if (atom.kind == Kind.ANY) {
                other |= bit;
            }
            if (atom.repeat == Repeat.ANY_TIMES) {
                repeated |= bit;
            } else {
                advancing |= bit;
            }
            if (atom.repeat != Repeat.ONCE) {
                skippable |= bit;
            }
        }
        this.otherTerminator = otherTerminator;
        this.other = other;
        this.advancing = advancing;
        this.repeated = repeated;
        this.skippable = skippable;
        this.atBoundary = atBoundary;
        this.notAtBoundary = notAtBoundary;
        this.accept = 1L << atoms.size();
    }

    /** The simulation of a regex in the plain grammar, or null when it is outside what it covers (see above). */
    static PlainRegex of(String regex) {
        PlainGrammar.Parsed parsed = PlainGrammar.parse(regex);
        return parsed == null ? null : of(parsed);
    }

    /** The simulation of a regex of the plain grammar, or null when it is outside what it covers (see above). */
    static PlainRegex of(PlainGrammar.Parsed parsed) {
        List<Atom> atoms = new ArrayList<>();
        long atBoundary = 0;
        long notAtBoundary = 0;
        for (PlainGrammar.Piece piece : parsed.pieces()) {
            if (piece.possessive() || piece.isBoundary() && piece.repeat() != Repeat.ONCE) {
                return null; // a possessive repeat matches less than the automaton; a repeated boundary is odd
            }
            long state = 1L << atoms.size();
            if (piece.kind() == Kind.BOUNDARY) {
                atBoundary |= state;
            } else if (piece.kind() == Kind.NOT_BOUNDARY) {
                notAtBoundary |= state;
            } else if (piece.repeat() == Repeat.AT_LEAST_ONCE) {
                atoms.add(new Atom(piece.kind(), piece.literal(), Repeat.ONCE));       // X+ is X X*
                atoms.add(new Atom(piece.kind(), piece.literal(), Repeat.ANY_TIMES));
            } else {
                atoms.add(new Atom(piece.kind(), piece.literal(), piece.repeat()));
            }
            if (atoms.size() > MAX_STATES) {
                return null;
            }
        }
        return new PlainRegex(atoms, atBoundary, notAtBoundary, parsed.ignoreCase());
    }

    /** Whether the whole text matches, as {@code Pattern.matcher(text).matches()} says. */
    boolean matches(String text) {
        int n = text.length();
        Matcher boundaries = null;
        // a boundary stands before an atom: it is checked where a state is entered, not while an atom repeats
        long entered = 1L;
        long staying = 0L;
        int at = 0;
        while (true) {
            // the states entered here whose boundary condition holds, those staying in a repeat, and those
            // reached from them by skipping atoms (entered here too)
            long gate = -1L;
            if ((atBoundary | notAtBoundary) != 0) {
                boolean boundary;
                if (isAsciiAround(text, at)) {
                    boolean wordBefore = at > 0 && isAsciiWord(text.charAt(at - 1));
                    boundary = wordBefore != (at < n && isAsciiWord(text.charAt(at)));
                } else {
                    if (boundaries == null) {
                        boundaries = BOUNDARY.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                    }
                    boundary = boundaries.region(at, n).lookingAt();
                }
                gate = ~(boundary ? notAtBoundary : atBoundary);
            }
            long active = staying | entered & gate;
            for (long more = (active & skippable) << 1 & gate & ~active; more != 0;
                    more = (active & skippable) << 1 & gate & ~active) {
                active |= more;
            }
            if (at == n) {
                return (active & accept) != 0;
            }
            if (active == 0) {
                return false;
            }
            int c = text.codePointAt(at);
            at += Character.charCount(c);
            long accepting = c < 128 ? ascii[c] : c == 0x85 || c == 0x2028 || c == 0x2029 ? otherTerminator : other;
            long taken = active & accepting;
            entered = (taken & advancing) << 1;
            staying = taken & repeated;
        }
    }

    /** Whether the characters on both sides of the place are ASCII, or absent (the ends of the text). */
    private static boolean isAsciiAround(String text, int at) {
        return (at == 0 || text.charAt(at - 1) < 128) && (at == text.length() || text.charAt(at) < 128);
    }

    /** A word character for {@code \b} among ASCII: a letter, a digit or {@code _} (every JDK agrees there). */
    private static boolean isAsciiWord(char c) {
        return c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_');
    }

    /** One atom of the automaton: what it accepts, and how often (once, optional, or any number of times). */
    private record Atom(Kind kind, char literal, Repeat repeat) {

        /** Whether the atom accepts the ASCII character {@code c}, as the JDK's regex does. */
        boolean accepts(int c, boolean ignoreCase) {
            return switch (kind) {
                case LITERAL -> c == literal || ignoreCase && isAsciiLetter(literal) && isAsciiLetter(c)
                        && (c | 0x20) == (literal | 0x20);
                case ANY -> c != '\n' && c != '\r';
                case SPACE -> isSpace(c);
                case NOT_SPACE -> !isSpace(c);
                case DIGIT -> c >= '0' && c <= '9';
                case NOT_DIGIT -> !(c >= '0' && c <= '9');
                case WORD -> isAsciiWord((char) c);
                case NOT_WORD -> !isAsciiWord((char) c);
                case BOUNDARY, NOT_BOUNDARY -> false; // not atoms: the automaton keeps them as gates
            };
        }

        private static boolean isSpace(int c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
        }

        private static boolean isAsciiLetter(int c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
    }
}
