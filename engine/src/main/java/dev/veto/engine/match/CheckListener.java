package dev.veto.engine.match;

/** Told of each check as it is evaluated: how explanations see a condition's values and verdicts. */
@FunctionalInterface
public interface CheckListener {

    /**
     * @param check   the check
     * @param value   the value found at its path ({@link ValuePath#MISSING} when there was none)
     * @param matched whether it held; meaningless when {@code error} is not null
     * @param error   why it could not be judged, or null
     */
    void checked(PathCheck check, Object value, boolean matched, String error);
}
