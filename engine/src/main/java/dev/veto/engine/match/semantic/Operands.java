package dev.veto.engine.match.semantic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads operator operands as the policy file wrote them. Every failure is an IllegalArgumentException
 * that says what is wrong and what was expected; the loader adds the file, line and column.
 */
final class Operands {

    private Operands() {
    }

    /** A non-empty list of non-empty strings; a single string is read as a list of one. */
    static List<String> strings(Object operand, String operator, String expected) {
        if (operand instanceof String single) {
            return List.of(nonEmpty(single, operator, expected));
        }
        if (!(operand instanceof Collection<?> items) || items.isEmpty()) {
            throw new IllegalArgumentException(operator + " expects " + expected + ", got " + describe(operand));
        }
        List<String> out = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw new IllegalArgumentException(
                        operator + " expects " + expected + ", but one entry is " + describe(item));
            }
            out.add(nonEmpty(text, operator, expected));
        }
        return List.copyOf(out);
    }

    /** A map whose keys are all among {@code allowed}. */
    static Map<?, ?> map(Object operand, String operator, Set<String> allowed, String expected) {
        if (!(operand instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalArgumentException(operator + " expects " + expected + ", got " + describe(operand));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !allowed.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in " + operator
                        + ", expected one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return map;
    }

    /** A whole number written in the policy (the loader reads Integer, Long, BigInteger or BigDecimal). */
    static Integer wholeNumber(Object operand) {
        if (operand instanceof Integer || operand instanceof Long || operand instanceof BigInteger
                || operand instanceof BigDecimal) {
            try {
                return new BigDecimal(operand.toString()).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String describe(Object operand) {
        if (operand instanceof String text) {
            return "the string " + Inputs.quoted(text);
        }
        if (operand instanceof Collection<?> items && items.isEmpty()) {
            return "an empty list";
        }
        if (operand instanceof Map<?, ?> map && map.isEmpty()) {
            return "an empty map";
        }
        return operand == null ? "nothing" : Inputs.typeOf(operand) + " (" + operand + ")";
    }

    private static String nonEmpty(String text, String operator, String expected) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(operator + " expects " + expected + ", but one entry is empty");
        }
        return text;
    }
}
