package dev.veto.engine.match;

/**
 * The {@code exists} operator: {@code exists: true} holds when the path leads to a value that is not null;
 * {@code exists: false} when it leads nowhere or to null. It is the one operator that judges a missing
 * path instead of failing on it, so the condition evaluator asks it directly ({@link #expected}).
 */
public record Exists(boolean expected) implements ValueMatcher {

    static Exists compile(Object operand) {
        if (!(operand instanceof Boolean b)) {
            throw new IllegalArgumentException("expected true or false, found " + OperandTypes.name(operand));
        }
        return new Exists(b);
    }

    /** For a value that is present (possibly null). */
    @Override
    public boolean matches(Object value) {
        return (value != null) == expected;
    }
}
