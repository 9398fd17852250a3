package dev.veto.engine.match;

/**
 * One check of a tool's compiled conditions ({@link CheckProgram}): the slot of its path, the checks to go
 * to next, and the operand read out of its matcher, so that the values a policy mostly meets (a String, an
 * int or a long) are judged right here. Every other value (missing, null, another type) and every other
 * operator goes to the {@link PathCheck} it was made from, so results and error messages are exactly the
 * explaining path's.
 *
 * <p>Why one class with a switch rather than the matcher objects: the JIT compiles the loop over a tool's
 * checks into one method with every case inlined, where a call through a dozen matcher classes could not
 * be; and the operands sit in this object (strings behind their hashes, first characters, longs), where
 * each matcher object, set and node behind it was one more memory access on a cold cache, for every check
 * of every call.
 */
final class FastCheck {

    private static final int GENERIC = 0;
    private static final int EXISTS = 1;
    /** The value is one of {@link #strings} (equality, {@code ==}, a list, {@code in}); negated: none of them. */
    private static final int STRING_IN = 2;
    /** A whole-number comparison ({@link #order} against {@link #number}) of an int, long, short or byte. */
    private static final int WHOLE = 3;
    private static final int STARTS_WITH = 4;
    private static final int ENDS_WITH = 5;
    private static final int CONTAINS = 6;
    private static final int MAX_LENGTH = 7;
    /** Only the regex's literal prefilter is run here; when it passes, the matcher runs the regex. */
    private static final int REGEX = 8;

    private static final int LT = 0;
    private static final int LE = 1;
    private static final int GT = 2;
    private static final int GE = 3;
    private static final int EQ = 4;
    private static final int NE = 5;

    /** Where to go when the check holds / does not: a check's index, or {@link CheckProgram#MATCH} / {@code MISS}. */
    final int onTrue;
    final int onFalse;
    private final int slot;
    private final int kind;
    private final boolean negated;
    private final boolean expected;
    private final int order;
    private final long number;
    private final String text;
    private final char first;
    private final String[] strings;
    private final int[] hashes;
    private final RequiredLiterals required;
    private final ValuePath path;
    private final PathCheck source;

    private FastCheck(PathCheck source, int slot, int onTrue, int onFalse, Shape shape) {
        this.source = source;
        this.path = source.path();
        this.slot = slot;
        this.onTrue = onTrue;
        this.onFalse = onFalse;
        this.kind = shape.kind;
        this.negated = shape.negated;
        this.expected = shape.expected;
        this.order = shape.order;
        this.number = shape.number;
        this.text = shape.text;
        this.first = shape.text == null || shape.text.isEmpty() ? 0 : shape.text.charAt(0);
        this.strings = shape.strings;
        if (shape.strings != null) {
            hashes = new int[shape.strings.length];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = shape.strings[i].hashCode();
            }
        } else {
            hashes = null;
        }
        this.required = shape.required;
    }

    static FastCheck of(PathCheck check, int slot, int onTrue, int onFalse) {
        return new FastCheck(check, slot, onTrue, onFalse, Shape.of(check.matcher()));
    }

    /** Whether the check holds for this call. */
    boolean test(SlotValues call) throws EvaluationException {
        Object value;
        try {
            value = call.valueAt(slot, path);
        } catch (EvaluationException | RuntimeException | StackOverflowError e) {
            throw source.unresolvable(e, null);
        }
        switch (kind) {
            case EXISTS:
                return value == ValuePath.MISSING ? !expected : (value != null) == expected;
            case STRING_IN:
                if (value instanceof String s) {
                    return isOneOfStrings(s) != negated;
                }
                break;
            case WHOLE:
                if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                    return ordered(Long.compare(((Number) value).longValue(), number));
                }
                break;
            case STARTS_WITH:
                if (value instanceof String s) {
                    return text.isEmpty() || !s.isEmpty() && s.charAt(0) == first && s.startsWith(text);
                }
                break;
            case ENDS_WITH:
                if (value instanceof String s) {
                    int at = s.length() - text.length();
                    return text.isEmpty() || at >= 0 && s.charAt(at) == first && s.endsWith(text);
                }
                break;
            case CONTAINS:
                if (value instanceof String s) {
                    return s.contains(text);
                }
                break;
            case MAX_LENGTH:
                if (value instanceof String s) {
                    // code points never outnumber chars: only a string longer in chars needs counting
                    return s.length() <= number || s.codePointCount(0, s.length()) <= number;
                }
                break;
            case REGEX:
                if (value instanceof String s && !required.mayMatch(s)) {
                    return false;
                }
                break;
            default:
                break;
        }
        return source.judge(value, null);
    }

    /** Hashes first: most values differ from every literal, and then the literals' text is never read. */
    private boolean isOneOfStrings(String s) {
        int hash = s.hashCode();
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] == hash && strings[i].equals(s)) {
                return true;
            }
        }
        return false;
    }

    private boolean ordered(int cmp) {
        return switch (order) {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case EQ -> cmp == 0;
            default -> cmp != 0;
        };
    }

    /** What a matcher lets this class judge inline, read once when the program is built. */
    private static final class Shape {
        int kind = GENERIC;
        boolean negated;
        boolean expected;
        int order;
        long number;
        String text;
        String[] strings;
        RequiredLiterals required;

        static Shape of(ValueMatcher matcher) {
            Shape shape = new Shape();
            if (matcher instanceof Exists exists) {
                shape.kind = EXISTS;
                shape.expected = exists.expected();
            } else if (matcher instanceof Literal literal) {
                shape.equality(literal, false);
            } else if (matcher instanceof Comparison comparison) {
                shape.comparison(comparison);
            } else if (matcher instanceof OneOf oneOf) {
                shape.oneOf(oneOf, false);
            } else if (matcher instanceof CoreOperators.NotIn notIn) {
                shape.oneOf(notIn.oneOf(), true);
            } else if (matcher instanceof CoreOperators.StartsWith startsWith) {
                shape.string(STARTS_WITH, startsWith.prefix());
            } else if (matcher instanceof CoreOperators.EndsWith endsWith) {
                shape.string(ENDS_WITH, endsWith.suffix());
            } else if (matcher instanceof CoreOperators.Contains contains
                    && contains.element().kind() == Literal.Kind.STRING) {
                shape.string(CONTAINS, contains.element().string());
            } else if (matcher instanceof CoreOperators.MaxLength maxLength) {
                shape.kind = MAX_LENGTH;
                shape.number = maxLength.max();
            } else if (matcher instanceof CoreOperators.Regex regex && regex.required() != RequiredLiterals.NONE) {
                shape.kind = REGEX;
                shape.required = regex.required();
            }
            return shape;
        }

        private void equality(Literal literal, boolean negate) {
            if (literal.kind() == Literal.Kind.STRING) {
                kind = STRING_IN;
                strings = new String[] {literal.string()};
                negated = negate;
            } else if (literal.isWhole()) {
                kind = WHOLE;
                order = negate ? NE : EQ;
                number = literal.wholeNumber();
            }
        }

        private void comparison(Comparison comparison) {
            Literal right = comparison.right();
            switch (comparison.operator()) {
                case "==" -> equality(right, false);
                case "!=" -> equality(right, true);
                default -> {
                    if (right.isWhole()) {
                        kind = WHOLE;
                        number = right.wholeNumber();
                        order = switch (comparison.operator()) {
                            case "<" -> LT;
                            case "<=" -> LE;
                            case ">" -> GT;
                            default -> GE;
                        };
                    }
                }
            }
        }

        private void oneOf(OneOf oneOf, boolean negate) {
            String[] alone = oneOf.stringsAlone();
            if (alone != null) {
                kind = STRING_IN;
                strings = alone;
                negated = negate;
            }
        }

        private void string(int stringKind, String operand) {
            kind = stringKind;
            text = operand;
        }
    }
}
