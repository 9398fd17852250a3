package dev.veto.engine.match;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * "The value equals one of these literals": a list written as a matcher, and the {@code in} operator.
 * Strings are looked up in a hash set; numbers are compared exactly (1, 1.0 and "1.00" are one number).
 * A value whose kind none of the literals has (a number against a list of strings) cannot be judged.
 */
public final class OneOf implements ValueMatcher {

    private final Set<String> strings = new HashSet<>();
    /** Ordered by value ({@code compareTo}), so 2 and 2.00 are one number without normalizing anything. */
    private final Set<BigDecimal> numbers = new TreeSet<>();
    private final Set<Boolean> booleans = new HashSet<>();
    private final boolean hasNull;
    private final List<Literal> literals;

    public OneOf(List<Literal> literals) {
        boolean nullSeen = false;
        for (Literal literal : literals) {
            switch (literal.kind()) {
                case STRING -> strings.add(literal.string());
                case NUMBER -> numbers.add(literal.number());
                case BOOLEAN -> booleans.add(literal.bool());
                case NULL -> nullSeen = true;
            }
        }
        this.hasNull = nullSeen;
        this.literals = List.copyOf(literals);
    }

    /**
     * @param operand a list of scalars (the policy's list or {@code in:} operand)
     * @throws IllegalArgumentException when it is not a non-empty list of scalars
     */
    public static OneOf compile(Object operand) {
        if (!(operand instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a list of values, found " + OperandTypes.name(operand));
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("expected a non-empty list of values");
        }
        List<Literal> literals = new ArrayList<>();
        for (Object element : list) {
            literals.add(Literal.of(element));
        }
        return new OneOf(literals);
    }

    /**
     * The strings, when a string value is judged by them alone: the list has strings and no numbers (a
     * numeric string could equal a number). Null otherwise.
     */
    String[] stringsAlone() {
        return strings.isEmpty() || !numbers.isEmpty() ? null : strings.toArray(new String[0]);
    }

    @Override
    public boolean matches(Object value) throws EvaluationException {
        if (value == null) {
            if (hasNull) {
                return true;
            }
            throw new EvaluationException("value is null, expected one of " + literals);
        }
        if (value instanceof Boolean b) {
            if (booleans.isEmpty()) {
                throw kindMismatch(value);
            }
            return booleans.contains(b);
        }
        if (StringValues.isStringLike(value)) {
            String s = StringValues.of(value);
            if (strings.contains(s)) {
                return true;
            }
            if (!numbers.isEmpty()) {
                BigDecimal n = ExactNumbers.tryParse(s);
                if (n != null) {
                    return numbers.contains(n);
                }
            }
            if (strings.isEmpty()) {
                throw kindMismatch(value);
            }
            return false;
        }
        if (value instanceof Number) {
            if (numbers.isEmpty()) {
                throw kindMismatch(value);
            }
            return numbers.contains(ExactNumbers.of(value));
        }
        throw kindMismatch(value);
    }

    private EvaluationException kindMismatch(Object value) {
        return new EvaluationException("value is " + Describe.typeOf(value) + ", which cannot equal any of " + literals);
    }

    @Override
    public String toString() {
        return literals.toString();
    }
}
