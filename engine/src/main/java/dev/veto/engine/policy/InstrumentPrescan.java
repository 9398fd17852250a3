package dev.veto.engine.policy;

/**
 * Tells, from a policy's text alone and without parsing it, that it has no {@code instrument:} section, so
 * that the agent can weave by annotations at once and load the policy in parallel with the application's
 * start. It may say "maybe" of a policy without one (then the agent simply loads the policy first); it
 * never says "no" of a policy with one.
 *
 * <p>YAML can spell the key {@code instrument} without the ten letters appearing in the text only through
 * an escape in a double-quoted scalar that makes a letter ({@code \x69}, {@code \u0069}, {@code \U00000069})
 * or joins two lines (a backslash before a line break). Aliases repeat a node already written, and the
 * other escapes make no letters, so every other spelling contains the word itself.
 */
public final class InstrumentPrescan {

    private static final String KEY = "instrument";

    private InstrumentPrescan() {
    }

    /** False only when the text certainly declares no {@code instrument:} entries. */
    public static boolean mayDeclareInstrument(String policyText) {
        if (policyText.contains(KEY)) {
            return true;
        }
        for (int i = policyText.indexOf('\\'); i >= 0 && i + 1 < policyText.length(); i = policyText.indexOf('\\', i + 2)) {
            char escaped = policyText.charAt(i + 1);
            if (escaped == 'x' || escaped == 'u' || escaped == 'U' || escaped == '\n' || escaped == '\r') {
                return true;
            }
        }
        return false;
    }
}
