package dev.veto.engine.match;

import java.math.BigDecimal;

/**
 * A comparison written as a string: {@code "<= 200"}, {@code "> 0"}, {@code "== support_l1"},
 * {@code "!= 0"}. The orderings need a number on the right; {@code ==} and {@code !=} compare numbers
 * exactly when the right side is a number and strings otherwise.
 */
public final class Comparison implements ValueMatcher {

    /** Longest first, so that {@code <=} is not read as {@code <} followed by {@code =...}. */
    private static final String[] OPERATORS = {"<=", ">=", "==", "!=", "<", ">"};

    private final String operator;
    private final Literal right;

    private Comparison(String operator, Literal right) {
        this.operator = operator;
        this.right = right;
    }

    /** The comparison operator the text starts with, or null when it is a plain string. */
    public static String operatorOf(String text) {
        for (String op : OPERATORS) {
            if (text.startsWith(op)) {
                return op;
            }
        }
        return null;
    }

    /**
     * @param text a string starting with one of {@code == != < <= > >=}
     * @throws IllegalArgumentException when the right side is missing or an ordering's right side is not a number
     */
    public static Comparison parse(String text) {
        String op = operatorOf(text);
        if (op == null) {
            throw new IllegalArgumentException("\"" + text + "\" does not start with == != < <= > >=");
        }
        String rest = text.substring(op.length()).trim();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" has nothing after " + op
                    + ", expected a value such as \"" + op + " 200\"");
        }
        BigDecimal number = ExactNumbers.tryParse(rest);
        if (number != null) {
            return new Comparison(op, Literal.number(number));
        }
        if (!op.equals("==") && !op.equals("!=")) {
            throw new IllegalArgumentException("\"" + text + "\": " + op + " needs a number, found \"" + rest
                    + "\", expected for example \"" + op + " 200\"");
        }
        return new Comparison(op, Literal.of(unquote(rest)));
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    public String operator() {
        return operator;
    }

    /** The right side. */
    Literal right() {
        return right;
    }

    @Override
    public boolean matches(Object value) throws EvaluationException {
        return switch (operator) {
            case "==" -> right.matches(value);
            case "!=" -> !right.matches(value);
            default -> ordered(right.compareNumber(value));
        };
    }

    private boolean ordered(int cmp) {
        return switch (operator) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    @Override
    public String toString() {
        return operator + " " + right;
    }
}
