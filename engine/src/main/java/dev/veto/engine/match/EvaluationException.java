package dev.veto.engine.match;

/**
 * A value could not be evaluated against a condition (missing, null, wrong type, NaN, unparseable...).
 * The engine turns it into a deny whose reason names the path and the operator: it never leads to allow.
 */
public final class EvaluationException extends Exception {

    private static final long serialVersionUID = 1L;

    public EvaluationException(String message) {
        super(message, null, false, false); // no stack trace: this is an expected outcome on the hot path
    }
}
