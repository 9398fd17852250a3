package dev.veto.engine.match;

/**
 * Which values count as strings for string operators: CharSequences, characters and enum constants (by
 * name, case-sensitive). Anything else cannot be judged by a string operator.
 */
public final class StringValues {

    private StringValues() {
    }

    /**
     * @throws EvaluationException when the value is null or not string-like
     */
    public static String of(Object value) throws EvaluationException {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value == null) {
            throw new EvaluationException("value is null, expected a string");
        }
        throw new EvaluationException("value is " + Describe.typeOf(value) + ", expected a string");
    }

    /** Whether {@link #of} accepts the value. */
    public static boolean isStringLike(Object value) {
        return value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>;
    }
}
