package dev.veto.engine.match;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads values as exact decimal numbers, so that comparisons never go through {@code double} rounding:
 * {@code 200.000000000000000001} is more than {@code 200}.
 *
 * <p>A {@code double} or {@code float} is read as the shortest decimal that round-trips to it (the digits
 * {@link Double#toString} prints), which is the number its writer meant: {@code 200.01d} is exactly
 * {@code 200.01}. Numeric strings are read in {@link BigDecimal#BigDecimal(String)} syntax, with no
 * surrounding blanks.
 */
public final class ExactNumbers {

    /** Longer numeric strings are refused rather than parsed: parsing cost grows with the length. */
    private static final int MAX_NUMERIC_STRING_LENGTH = 400;

    private ExactNumbers() {
    }

    /** Whether the value is an int, long, short or byte: a whole number read exactly as a long. */
    public static boolean isWholeType(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    /**
     * @throws EvaluationException when the value is null, NaN, infinite, not a number and not a numeric string
     */
    public static BigDecimal of(Object value) throws EvaluationException {
        if (isWholeType(value)) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double d) {
            return ofDouble(d);
        }
        if (value instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                return ofDouble(f.doubleValue());
            }
            return new BigDecimal(Float.toString(f));
        }
        if (value instanceof Number number) {
            // AtomicLong, LongAdder, a library's own Number: its decimal text is its value.
            return parse(number.toString(), "the " + number.getClass().getSimpleName() + " " + number);
        }
        if (value instanceof CharSequence text) {
            return parse(text.toString(), "the string " + Describe.quoted(text.toString()));
        }
        if (value == null) {
            throw new EvaluationException("value is null, expected a number");
        }
        throw new EvaluationException("value is " + Describe.typeOf(value) + ", expected a number");
    }

    /** Whether the string is a number in the syntax {@link #of} accepts. */
    public static boolean isNumeric(String text) {
        return tryParse(text) != null;
    }

    /** The number a string spells, or null. */
    public static BigDecimal tryParse(String text) {
        if (text.isEmpty() || text.length() > MAX_NUMERIC_STRING_LENGTH) {
            return null;
        }
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')
                || !(Character.isDigit(last) || last == '.')) {
            return null; // cheap refusal before BigDecimal's exception path
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal ofDouble(double d) throws EvaluationException {
        if (Double.isNaN(d)) {
            throw new EvaluationException("value is NaN, expected a number");
        }
        if (Double.isInfinite(d)) {
            throw new EvaluationException("value is infinite, expected a finite number");
        }
        return BigDecimal.valueOf(d);
    }

    private static BigDecimal parse(String text, String what) throws EvaluationException {
        BigDecimal parsed = tryParse(text);
        if (parsed == null) {
            throw new EvaluationException("value is " + what + ", expected a number");
        }
        return parsed;
    }
}
