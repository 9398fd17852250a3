package dev.veto.engine.match;

import java.util.List;

/**
 * What one check's matcher lets {@link CheckProgram} judge inline, read once when the program is built:
 * a kind with flags, the operand as ints (whole numbers, string hashes) and the operand's strings (equality
 * with strings, read only after a hash matched; the literal of starts_with, ends_with, contains; a regex's
 * required pieces), tested with the JDK's own String methods, whose searches the JIT vectorizes. The
 * strings are interned: a policy repeats few distinct literals, so its checks share them and they stay in
 * cache, and a value that is a string constant too is found equal by identity. A matcher or operand with
 * no such shape is {@link #GENERIC}: the check's {@link PathCheck} judges every value.
 */
final class CheckShape {

    static final int GENERIC = 0;
    /** {@code exists}; the flag {@link #EXPECTED} is its operand. */
    static final int EXISTS = 1;
    /** A String equal to one of the strings (equality, {@code ==}, a list, {@code in}); {@link #NEGATED}: none. */
    static final int STRING_IN = 2;
    /**
     * An int, long, short or byte compared with a whole number, as the range of numbers that pass:
     * [lowest, highest], each a long in two words ({@link #NEGATED}: outside it, for {@code !=}). Every
     * comparison is one range test, so judging needs no branch on the operator.
     */
    static final int WHOLE = 3;
    static final int STARTS_WITH = 4;
    static final int ENDS_WITH = 5;
    static final int CONTAINS = 6;
    /** A String's length in code points at most [high word, low word]. */
    static final int MAX_LENGTH = 7;
    /**
     * A regex in {@link RequiredLiterals}' plain grammar (which cannot overflow the stack): only its literal
     * prefilter ([count], the pieces as strings, maybe none) is judged inline; when it passes, the matcher
     * runs the regex.
     */
    static final int REGEX = 8;
    /**
     * {@link #STRING_IN} for a list longer than {@link #MAX_SCANNED_STRINGS}: the hashes in an open-addressed
     * table, [mask, then per place: hash, string number + 1 (0: empty)], so a lookup reads a place or two
     * instead of every hash.
     */
    static final int STRING_SET = 9;

    static final int KIND = 0xFF;
    static final int NEGATED = 1 << 8;
    static final int EXPECTED = 1 << 9;
    static final int IGNORE_CASE = 1 << 10;

    /** Whether a check of this op judges a String's text on its own (rather than by equality or number). */
    static boolean isText(int op) {
        return switch (op & KIND) {
            case STARTS_WITH, ENDS_WITH, CONTAINS, MAX_LENGTH, REGEX -> true;
            default -> false;
        };
    }

    /** Up to this many strings are scanned hash by hash: as fast as a table for a short list, and smaller. */
    static final int MAX_SCANNED_STRINGS = 8;

    private static final int[] NO_WORDS = new int[0];
    private static final String[] NO_STRINGS = new String[0];

    final int op;
    final int[] words;
    final String[] strings;

    private CheckShape(int op, int[] words, String[] strings) {
        this.op = op;
        this.words = words;
        this.strings = strings;
    }

    private static final CheckShape GENERIC_SHAPE = new CheckShape(GENERIC, NO_WORDS, NO_STRINGS);
    /** No whole number passes (lowest above highest). */
    private static final CheckShape NOTHING_WHOLE = whole(1, 0, false);

    static CheckShape of(ValueMatcher matcher) {
        if (matcher instanceof Exists exists) {
            return new CheckShape(EXISTS | (exists.expected() ? EXPECTED : 0), NO_WORDS, NO_STRINGS);
        }
        if (matcher instanceof Literal literal) {
            return equality(literal, false);
        }
        if (matcher instanceof Comparison comparison) {
            return comparison(comparison);
        }
        if (matcher instanceof OneOf oneOf) {
            return strings(oneOf.stringsAlone(), false);
        }
        if (matcher instanceof CoreOperators.NotIn notIn) {
            return strings(notIn.oneOf().stringsAlone(), true);
        }
        if (matcher instanceof CoreOperators.StartsWith startsWith) {
            return text(STARTS_WITH, startsWith.prefix());
        }
        if (matcher instanceof CoreOperators.EndsWith endsWith) {
            return text(ENDS_WITH, endsWith.suffix());
        }
        if (matcher instanceof CoreOperators.Contains contains && contains.element().kind() == Literal.Kind.STRING) {
            return text(CONTAINS, contains.element().string());
        }
        if (matcher instanceof CoreOperators.MaxLength maxLength) {
            return new CheckShape(MAX_LENGTH, IntWords.ofLong(maxLength.max()), NO_STRINGS);
        }
        if (matcher instanceof CoreOperators.Regex regex) {
            return regex(regex.required());
        }
        return GENERIC_SHAPE;
    }

    private static CheckShape equality(Literal literal, boolean negated) {
        if (literal.kind() == Literal.Kind.STRING) {
            return strings(new String[] {literal.string()}, negated);
        }
        if (!literal.isWhole()) {
            return GENERIC_SHAPE;
        }
        long number = literal.wholeNumber();
        return whole(number, number, negated);
    }

    private static CheckShape comparison(Comparison comparison) {
        Literal right = comparison.right();
        return switch (comparison.operator()) {
            case "==" -> equality(right, false);
            case "!=" -> equality(right, true);
            default -> right.isWhole() ? ordered(comparison.operator(), right.wholeNumber()) : GENERIC_SHAPE;
        };
    }

    /** {@code < <= > >=} as a range; "less than the least long" (or more than the greatest) is an empty one. */
    private static CheckShape ordered(String operator, long number) {
        return switch (operator) {
            case "<" -> number == Long.MIN_VALUE ? NOTHING_WHOLE : whole(Long.MIN_VALUE, number - 1, false);
            case "<=" -> whole(Long.MIN_VALUE, number, false);
            case ">" -> number == Long.MAX_VALUE ? NOTHING_WHOLE : whole(number + 1, Long.MAX_VALUE, false);
            default -> whole(number, Long.MAX_VALUE, false);
        };
    }

    private static CheckShape whole(long lowest, long highest, boolean negated) {
        int[] words = new int[4];
        IntWords.putLong(words, 0, lowest);
        IntWords.putLong(words, 2, highest);
        return new CheckShape(WHOLE | (negated ? NEGATED : 0), words, NO_STRINGS);
    }

    /** @param strings the strings that alone decide for a String value, or null when they do not */
    private static CheckShape strings(String[] strings, boolean negated) {
        if (strings == null) {
            return GENERIC_SHAPE;
        }
        String[] interned = new String[strings.length];
        for (int i = 0; i < strings.length; i++) {
            interned[i] = strings[i].intern();
        }
        int flags = negated ? NEGATED : 0;
        if (strings.length > MAX_SCANNED_STRINGS) {
            return new CheckShape(STRING_SET | flags, hashTable(interned), interned);
        }
        int[] words = new int[1 + strings.length];
        words[0] = strings.length;
        for (int i = 0; i < strings.length; i++) {
            words[1 + i] = interned[i].hashCode();
        }
        return new CheckShape(STRING_IN | flags, words, interned);
    }

    /**
     * The {@link #STRING_SET} table (also {@link SlotClasses}'): [mask, then per place: hash, string number
     * + 1 (0: empty)], at most half full, so a search soon meets an empty place.
     */
    static int[] hashTable(String[] strings) {
        int places = HashPlaces.capacity(strings.length);
        int mask = places - 1;
        int[] words = new int[1 + 2 * places];
        words[0] = mask;
        for (int i = 0; i < strings.length; i++) {
            int hash = strings[i].hashCode();
            int place = HashPlaces.home(hash, mask);
            while (words[2 + 2 * place] != 0) {
                place = (place + 1) & mask;
            }
            words[1 + 2 * place] = hash;
            words[2 + 2 * place] = i + 1;
        }
        return words;
    }

    /**
     * The number + 1 of the string equal to {@code s} in a {@link #hashTable} laid out at
     * {@code words[at]}, whose strings are {@code strings[first + number]}; 0 when none is.
     */
    static int numberIn(int[] words, int at, Object[] strings, int first, String s) {
        int hash = s.hashCode();
        int mask = words[at];
        int table = at + 1;
        for (int place = HashPlaces.home(hash, mask); ; place = (place + 1) & mask) {
            int number = words[table + 2 * place + 1];
            if (number == 0 || words[table + 2 * place] == hash && strings[first + number - 1].equals(s)) {
                return number;
            }
        }
    }

    private static CheckShape text(int kind, String text) {
        return new CheckShape(kind, NO_WORDS, new String[] {text.intern()});
    }

    private static CheckShape regex(RequiredLiterals required) {
        if (!required.plain()) {
            return GENERIC_SHAPE;
        }
        List<String> pieces = required.literals();
        String[] strings = new String[pieces.size()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = pieces.get(i).intern();
        }
        return new CheckShape(REGEX | (required.ignoreCase() ? IGNORE_CASE : 0), new int[] {strings.length}, strings);
    }
}
