package dev.veto.engine.match;

/**
 * One operator applied to the value at one path: {@code arguments.amount: "<= 200"}.
 *
 * <p>A missing path or a value the operator cannot judge is an {@link EvaluationException} whose message
 * names the path and the operator, so the deny reason says exactly what could not be evaluated. Only
 * {@code exists} judges a missing path. A failure inside an operator (any RuntimeException, say in a
 * semantic operator's parser) is an evaluation error too.
 *
 * @param path     where the value is
 * @param operator the operator's name as a reader knows it ({@code <=}, {@code equals}, {@code one_of}, {@code regex}...)
 * @param operand  the operand as written, for reasons and traces
 * @param matcher  the compiled operator
 */
public record PathCheck(ValuePath path, String operator, String operand, ValueMatcher matcher) implements Expression {

    @Override
    public boolean test(CallValues call, CheckListener listener) throws EvaluationException {
        Object value;
        try {
            value = call.valueAt(path);
        } catch (EvaluationException | RuntimeException | StackOverflowError e) {
            throw unresolvable(e, listener);
        }
        return judge(value, listener);
    }

    /**
     * The check on a value already resolved: what {@link #test} does once it has the value, and what the
     * compiled form of a tool's checks ({@link CheckProgram}) falls back to for every value it has no shortcut for.
     *
     * @param value the value at the path, {@link ValuePath#MISSING} when there is none
     */
    public boolean judge(Object value, CheckListener listener) throws EvaluationException {
        try {
            boolean matched;
            if (matcher instanceof Exists exists) {
                matched = value == ValuePath.MISSING ? !exists.expected() : exists.matches(value);
            } else if (value == ValuePath.MISSING) {
                throw new EvaluationException(path + " is missing");
            } else {
                matched = matcher.matches(value);
            }
            if (listener != null) {
                listener.checked(this, value, matched, null);
            }
            return matched;
        } catch (EvaluationException e) {
            throw failed(value, e.getMessage(), listener);
        } catch (RuntimeException | StackOverflowError e) {
            throw failed(value, "operator failed: " + e, listener);
        }
    }

    /** The error for a path that could not be resolved (a getter on the way threw). */
    EvaluationException unresolvable(Throwable why, CheckListener listener) {
        return failed(ValuePath.MISSING,
                why instanceof EvaluationException ? why.getMessage() : "operator failed: " + why, listener);
    }

    private EvaluationException failed(Object value, String why, CheckListener listener) {
        String message = why.startsWith(path.toString()) ? why + " (operator " + operator + ")"
                : path + " (operator " + operator + "): " + why;
        if (listener != null) {
            listener.checked(this, value, false, message);
        }
        return new EvaluationException(message);
    }

    @Override
    public String toString() {
        return path + " " + operator + " " + operand;
    }
}
