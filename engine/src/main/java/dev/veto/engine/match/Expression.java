package dev.veto.engine.match;

/**
 * A compiled {@code match:}: checks on paths combined with all / any / not.
 *
 * <p>Errors: evaluation runs in the order the policy is written and stops as soon as the result is known
 * (all: at the first miss; any: at the first match). An {@link EvaluationException} met on the way
 * propagates at once and is never turned into a match or a miss, not even by {@code not}: the engine
 * denies the call. A check that is never reached cannot fail.
 */
public sealed interface Expression permits Expression.All, Expression.Any, Expression.Not, PathCheck {

    /**
     * @param call     the call's arguments and context (each path resolved once per call)
     * @param listener told of every check evaluated (for explanations); null on the hot path
     */
    boolean test(CallValues call, CheckListener listener) throws EvaluationException;

    /** Every member holds; an empty one always holds ({@code match: {}}). */
    record All(Expression[] members) implements Expression {
        @Override
        public boolean test(CallValues call, CheckListener listener) throws EvaluationException {
            for (Expression member : members) {
                if (!member.test(call, listener)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** At least one member holds. */
    record Any(Expression[] members) implements Expression {
        @Override
        public boolean test(CallValues call, CheckListener listener) throws EvaluationException {
            for (Expression member : members) {
                if (member.test(call, listener)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The member does not hold; an error in it stays an error. */
    record Not(Expression member) implements Expression {
        @Override
        public boolean test(CallValues call, CheckListener listener) throws EvaluationException {
            return !member.test(call, listener);
        }
    }
}
