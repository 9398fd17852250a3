package dev.veto.engine.match;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A value written in a policy and compared for equality: a string, an exact number, a boolean or null.
 *
 * <p>Equality never converts across kinds, except that a numeric string equals the number it spells (a
 * JSON or form argument often carries numbers as strings). A value of another kind cannot be judged
 * against the literal: that is an {@link EvaluationException}, so the call is denied rather than
 * "not equal" (for example a role given as the number 1 against {@code support_l1}).
 */
public final class Literal implements ValueMatcher {

    /** The four kinds a policy literal can be. */
    public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    private final Kind kind;
    private final String string;
    private final BigDecimal number;
    private final Boolean bool;
    /** Whether {@link #number} is a whole number within long's range, held in {@link #wholeNumber}. */
    private final boolean whole;
    private final long wholeNumber;

    private Literal(Kind kind, String string, BigDecimal number, Boolean bool) {
        this.kind = kind;
        this.string = string;
        this.number = number;
        this.bool = bool;
        Long asLong = number == null ? null : wholeLong(number);
        this.whole = asLong != null;
        this.wholeNumber = asLong == null ? 0 : asLong;
    }

    /** The number as a long when it is whole and in range (200, 200.00, 2E+3), else null. */
    private static Long wholeLong(BigDecimal number) {
        if (number.precision() - number.scale() > 19) {
            return null; // more integer digits than a long has: no need to ask BigDecimal
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            return null; // a fraction, or just beyond long's range
        }
    }

    /**
     * @param operand a value as the policy loader reads it: String, Integer, Long, BigInteger, BigDecimal,
     *                Boolean or null (a Double only for .inf and .nan, which are refused)
     * @throws IllegalArgumentException for anything that is not a scalar literal
     */
    public static Literal of(Object operand) {
        if (operand == null) {
            return new Literal(Kind.NULL, null, null, null);
        }
        if (operand instanceof String s) {
            return new Literal(Kind.STRING, s, null, null);
        }
        if (operand instanceof Boolean b) {
            return new Literal(Kind.BOOLEAN, null, null, b);
        }
        if (operand instanceof Integer || operand instanceof Long || operand instanceof BigInteger
                || operand instanceof BigDecimal) {
            return number(new BigDecimal(operand.toString()));
        }
        if (operand instanceof Double d) {
            throw new IllegalArgumentException(d + " cannot be compared, expected a finite number");
        }
        throw new IllegalArgumentException("expected a string, number, boolean or null, found "
                + OperandTypes.name(operand));
    }

    public static Literal number(BigDecimal value) {
        return new Literal(Kind.NUMBER, null, value, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The string, for STRING literals. */
    public String string() {
        return string;
    }

    /** The number, for NUMBER literals. */
    public BigDecimal number() {
        return number;
    }

    /** The boolean, for BOOLEAN literals. */
    public Boolean bool() {
        return bool;
    }

    /** Whether this is a NUMBER literal that is a whole number within long's range ({@link #wholeNumber}). */
    boolean isWhole() {
        return whole;
    }

    /** The number as a long, when {@link #isWhole}. */
    long wholeNumber() {
        return wholeNumber;
    }

    /**
     * Equality, the matcher of a bare value in a policy ({@code context.role: support_l1}).
     *
     * @throws EvaluationException when the value's kind cannot be compared with this literal's kind
     */
    @Override
    public boolean matches(Object value) throws EvaluationException {
        switch (kind) {
            case NULL:
                return value == null;
            case STRING:
                return string.equals(StringValues.of(value));
            case NUMBER:
                return compareNumber(value) == 0;
            default:
                if (value instanceof Boolean b) {
                    return bool.equals(b);
                }
                throw new EvaluationException("value is " + Describe.typeOf(value) + ", expected a boolean");
        }
    }

    /**
     * Compares a value with this NUMBER literal exactly (as {@link ExactNumbers#of} reads it): negative,
     * zero or positive as the value is less than, equal to or more than the literal. An int or long against
     * a whole literal is compared as longs, which is exact and builds no BigDecimal: the common case on the
     * hot path ({@code arguments.amount: "<= 200"} with an int amount).
     *
     * @throws EvaluationException when the value is not a number (see {@link ExactNumbers#of})
     */
    public int compareNumber(Object value) throws EvaluationException {
        if (whole && (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte)) {
            return Long.compare(((Number) value).longValue(), wholeNumber);
        }
        return ExactNumbers.of(value).compareTo(number);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NULL -> "null";
            case STRING -> Describe.quoted(string);
            case NUMBER -> Describe.number(number);
            case BOOLEAN -> bool.toString();
        };
    }
}
