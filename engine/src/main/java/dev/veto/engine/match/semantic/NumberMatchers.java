package dev.veto.engine.match.semantic;

import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.ExactNumbers;
import dev.veto.engine.match.OperatorCompiler;
import dev.veto.engine.match.ValueMatcher;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code min} and {@code max} (inclusive) and {@code multiple_of}, in exact decimal arithmetic: the value
 * (int, long, double, BigDecimal, BigInteger or a numeric string) is read by {@link ExactNumbers}, the same
 * reading the comparison strings ({@code "<= 200"}) use, and compared as the decimal it spells,
 * so 200.000000000000000001 is more than 200 and 0.30 is a multiple of 0.1. NaN, infinities, non-numbers
 * and numbers too large to judge cheaply are evaluation errors.
 */
final class NumberMatchers {

    /** Beyond this many digits before or after the point a remainder costs more than a call may. */
    private static final int MAX_MAGNITUDE_DIGITS = 1000;

    private NumberMatchers() {
    }

    static Map<String, OperatorCompiler> operators() {
        return Map.of(
                "min", operand -> {
                    BigDecimal min = operand(operand, "min");
                    return value -> decimal(value).compareTo(min) >= 0;
                },
                "max", operand -> {
                    BigDecimal max = operand(operand, "max");
                    return value -> decimal(value).compareTo(max) <= 0;
                },
                "multiple_of", NumberMatchers::multipleOf);
    }

    private static ValueMatcher multipleOf(Object operand) {
        BigDecimal step = operand(operand, "multiple_of");
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("multiple_of expects a positive number, got " + operand);
        }
        return value -> decimal(value).remainder(step).signum() == 0;
    }

    private static BigDecimal operand(Object operand, String operator) {
        try {
            if (operand instanceof Number || operand instanceof String) {
                return decimal(operand);
            }
        } catch (EvaluationException e) {
            throw new IllegalArgumentException(operator + " expects a finite number, got " + Operands.describe(operand));
        }
        throw new IllegalArgumentException(operator + " expects a number, got " + Operands.describe(operand));
    }

    /** The value as {@link ExactNumbers} reads it, refused when too large for a remainder to be cheap. */
    static BigDecimal decimal(Object value) throws EvaluationException {
        BigDecimal decimal = ExactNumbers.of(value);
        if (decimal.scale() > MAX_MAGNITUDE_DIGITS || decimal.precision() - decimal.scale() > MAX_MAGNITUDE_DIGITS) {
            throw new EvaluationException("number with more than " + MAX_MAGNITUDE_DIGITS + " digits is not judged");
        }
        return decimal;
    }
}
