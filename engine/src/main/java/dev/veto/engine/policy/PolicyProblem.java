package dev.veto.engine.policy;

/**
 * One thing wrong with a policy file, at the place it is wrong.
 *
 * @param source  the file's path or a name for a policy given as a string
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong and what was expected
 */
public record PolicyProblem(String source, int line, int column, String message) {

    /** {@code source:line:col: message}, the form editors and the CLI print. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + message;
    }
}
