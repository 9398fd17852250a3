package dev.veto.engine.match;

/**
 * One compiled operator applied to the value found at a condition's path. Built once when the policy is
 * loaded (regexes compiled, numbers parsed), called on every governed call: no reflection, no parsing of
 * the operand, no regex compilation in {@link #matches}.
 */
@FunctionalInterface
public interface ValueMatcher {

    /**
     * @param value the value at the condition's path; never the "missing" marker (the caller handles
     *              missing paths), but may be {@code null} when the argument itself is null
     * @return whether the value satisfies the operator
     * @throws EvaluationException when the value cannot be judged (wrong type, NaN, unparseable...): the
     *                             engine denies, naming the path and the operator
     */
    boolean matches(Object value) throws EvaluationException;
}
