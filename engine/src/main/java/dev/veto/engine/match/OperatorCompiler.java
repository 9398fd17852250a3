package dev.veto.engine.match;

/**
 * Turns an operator's operand, as written in the policy, into a {@link ValueMatcher}. One per operator
 * name ({@code regex}, {@code in}, {@code path_within}, ...), registered by name.
 */
@FunctionalInterface
public interface OperatorCompiler {

    /**
     * @param operand the YAML value after the operator's key: a String, Number (Integer, Long,
     *                BigInteger, BigDecimal or Double as SnakeYAML reads it), Boolean, List or Map
     * @return the compiled matcher
     * @throws IllegalArgumentException with a message saying what is wrong and what was expected; the
     *                                  loader adds the file, line and column
     */
    ValueMatcher compile(Object operand);
}
