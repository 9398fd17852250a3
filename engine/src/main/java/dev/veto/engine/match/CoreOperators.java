package dev.veto.engine.match;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The operators of the policy language itself: {@code in}, {@code not_in}, {@code regex},
 * {@code contains}, {@code starts_with}, {@code ends_with}, {@code exists}, {@code max_length}. Each
 * compiles its operand once (regexes included) and judges values without allocation. The matchers are
 * named classes rather than lambdas so that {@link CheckShape} can read their operands, and the hot
 * path judge common values inline.
 */
final class CoreOperators {

    private CoreOperators() {
    }

    /** Every core operator's name, in the order the policy reference lists them. */
    static final List<String> NAMES =
            List.of("in", "not_in", "regex", "contains", "starts_with", "ends_with", "exists", "max_length");

    /**
     * The compiler of one core operator, or null when no core operator has that name. Looked up by name so
     * that start-up creates only the compilers a policy uses.
     */
    static OperatorCompiler find(String name) {
        return switch (name) {
            case "in" -> OneOf::compile;
            case "not_in" -> CoreOperators::notIn;
            case "regex" -> CoreOperators::regex;
            case "contains" -> CoreOperators::contains;
            case "starts_with" -> CoreOperators::startsWith;
            case "ends_with" -> CoreOperators::endsWith;
            case "exists" -> Exists::compile;
            case "max_length" -> CoreOperators::maxLength;
            default -> null;
        };
    }

    /** Every core operator, by name. */
    static Map<String, OperatorCompiler> all() {
        Map<String, OperatorCompiler> ops = new LinkedHashMap<>();
        for (String name : NAMES) {
            ops.put(name, find(name));
        }
        return ops;
    }

    private static ValueMatcher notIn(Object operand) {
        return new NotIn(OneOf.compile(operand));
    }

    private static ValueMatcher startsWith(Object operand) {
        return new StartsWith(string(operand));
    }

    private static ValueMatcher endsWith(Object operand) {
        return new EndsWith(string(operand));
    }

    /** Whole-string match: {@code regex: "[a-z]+"} does not match "abc1". */
    private static ValueMatcher regex(Object operand) {
        String source = string(operand);
        Pattern pattern;
        try {
            pattern = Pattern.compile(source);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("regex does not compile: " + e.getDescription()
                    + " near index " + e.getIndex() + " of \"" + source + "\"");
        }
        // Most values a policy regex is asked about do not match, and many lack a piece every match needs:
        // those are answered without running the regex.
        // one reading of the source for both, so the prefilter answers "no" only where the matcher would
        PlainGrammar.Parsed parsed = PlainGrammar.parse(source);
        PlainRegex linear = parsed == null ? null : PlainRegex.of(parsed);
        return new Regex(pattern, parsed == null ? RequiredLiterals.NONE : RequiredLiterals.of(parsed, linear != null), linear);
    }

    /**
     * The compiled regex, and the pieces every match needs (answered "no" without running the regex when one is
     * absent). A plain regex ({@link RequiredLiterals#plain}) is matched by {@link PlainRegex}, in time linear in
     * the value. Any other (groups, alternation, counted repeats...) runs on {@code java.util.regex}, which can
     * backtrack for hours on a short value ({@code (.*a){15}b} on 74 a's), on the thread of the tool call: it
     * runs under a time limit, and a value it cannot judge in time is an evaluation error.
     *
     * @param linear the plain regex's matcher, null when it is not plain
     */
    record Regex(Pattern pattern, RequiredLiterals required, PlainRegex linear) implements ValueMatcher {
        @Override
        public boolean matches(Object value) throws EvaluationException {
            String text = StringValues.of(value);
            if (!required.mayMatch(text)) {
                return false;
            }
            if (linear != null) {
                return linear.matches(text);
            }
            try {
                return pattern.matcher(new TimeLimited(text)).matches();
            } catch (TimeLimited.Expired e) {
                throw new EvaluationException("the regex did not finish within " + REGEX_TIME_LIMIT_SECONDS
                        + " s on a value of " + text.length() + " characters, so the value is not judged");
            }
        }
    }

    static final int REGEX_TIME_LIMIT_SECONDS = 2;
    private static final long REGEX_TIME_LIMIT_NANOS = REGEX_TIME_LIMIT_SECONDS * 1_000_000_000L;

    /**
     * The text, read by the regex engine, that stops the match once its time is up. The clock is first read
     * after 64 K reads (most matches end sooner, and read no clock at all), then every 64 K reads.
     */
    private static final class TimeLimited implements CharSequence {
        private final String text;
        private long deadline;
        private int reads;

        TimeLimited(String text) {
            this.text = text;
        }

        static final class Expired extends RuntimeException {
            Expired() {
                super(null, null, false, false);
            }
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFFF) == 0) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + REGEX_TIME_LIMIT_NANOS;
                } else if (now - deadline > 0) {
                    throw new Expired();
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code not_in}: none of the literals (an error judging the value stays an error). */
    record NotIn(OneOf oneOf) implements ValueMatcher {
        @Override
        public boolean matches(Object value) throws EvaluationException {
            return !oneOf.matches(value);
        }
    }

    record StartsWith(String prefix) implements ValueMatcher {
        @Override
        public boolean matches(Object value) throws EvaluationException {
            return StringValues.of(value).startsWith(prefix);
        }
    }

    record EndsWith(String suffix) implements ValueMatcher {
        @Override
        public boolean matches(Object value) throws EvaluationException {
            return StringValues.of(value).endsWith(suffix);
        }
    }

    private static ValueMatcher contains(Object operand) {
        return new Contains(Literal.of(operand));
    }

    /** A substring of a string, or an element of a list, set or array. */
    record Contains(Literal element) implements ValueMatcher {
        @Override
        public boolean matches(Object value) throws EvaluationException {
            if (value instanceof Collection<?> collection) {
                for (Object item : collection) {
                    if (equalsLeniently(element, item)) {
                        return true;
                    }
                }
                return false;
            }
            if (value != null && value.getClass().isArray()) {
                for (int i = 0, n = Array.getLength(value); i < n; i++) {
                    if (equalsLeniently(element, Array.get(value, i))) {
                        return true;
                    }
                }
                return false;
            }
            if (element.kind() != Literal.Kind.STRING) {
                throw new EvaluationException("value is " + Describe.typeOf(value)
                        + ", expected a list to look for " + element + " in");
            }
            return StringValues.of(value).contains(element.string());
        }
    }

    /** Inside a list, an element of another kind is simply a different element. */
    private static boolean equalsLeniently(Literal element, Object item) {
        try {
            return element.matches(item);
        } catch (EvaluationException e) {
            return false;
        }
    }

    /** Length of a string (in Unicode code points), or size of a list, map or array. */
    private static ValueMatcher maxLength(Object operand) {
        if (!(operand instanceof Integer || operand instanceof Long || operand instanceof BigInteger)
                || ((Number) operand).longValue() < 0 || operand instanceof BigInteger big && big.bitLength() > 62) {
            throw new IllegalArgumentException("expected a whole number of 0 or more, found "
                    + OperandTypes.name(operand) + " " + operand);
        }
        return new MaxLength(((Number) operand).longValue());
    }

    /** Length of a string (in Unicode code points), or size of a list, map or array, at most {@code max}. */
    record MaxLength(long max) implements ValueMatcher {
        @Override
        public boolean matches(Object value) throws EvaluationException {
            long length;
            if (StringValues.isStringLike(value)) {
                String s = StringValues.of(value);
                length = s.codePointCount(0, s.length());
            } else if (value instanceof Collection<?> collection) {
                length = collection.size();
            } else if (value instanceof Map<?, ?> map) {
                length = map.size();
            } else if (value != null && value.getClass().isArray()) {
                length = Array.getLength(value);
            } else {
                throw new EvaluationException("value is " + Describe.typeOf(value)
                        + ", expected a string, list, map or array");
            }
            return length <= max;
        }
    }

    private static String string(Object operand) {
        if (!(operand instanceof String s)) {
            throw new IllegalArgumentException("expected a string, found " + OperandTypes.name(operand));
        }
        return s;
    }
}
