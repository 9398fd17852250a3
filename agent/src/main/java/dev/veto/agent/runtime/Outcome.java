package dev.veto.agent.runtime;

/**
 * What happens to one governed call: it runs, or it is stopped with these details (which become the
 * {@code ToolDeniedException}).
 *
 * @param proceed    whether the method body runs
 * @param action     for a stopped call: {@code deny}, or how the approval ended ({@code denied}, {@code timed_out}...)
 * @param reason     why, for the model and the person reading the log
 * @param ruleId     the deciding rule, or null
 * @param decisionId the decision's id in the decision log, or null when no decision was made
 */
public record Outcome(boolean proceed, String action, String reason, String ruleId, String decisionId) {

    /** The one outcome of every allowed call: no allocation on the common path. */
    public static final Outcome PROCEED = new Outcome(true, "allow", null, null, null);

    /** A call stopped without a decision from the policy (no policy, an error in the check). */
    public static Outcome denied(String reason) {
        return new Outcome(false, "deny", reason, null, null);
    }
}
