package dev.veto;

/**
 * Thrown in place of a tool call that the policy refused. The message is written for the model that
 * asked for the call: it says which tool was refused and why, so the model can tell the user.
 */
public class ToolDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String tool;
    private final String action;
    private final String reason;
    private final String ruleId;
    private final String decisionId;

    /**
     * @param tool       the tool's name as the policy knows it
     * @param action     the policy's verdict that stopped the call ({@code deny}, or the approval outcome)
     * @param reason     why, in words a model and a person can read
     * @param ruleId     the rule that decided, or {@code null} when the default action did
     * @param decisionId the id of the decision in the decision log
     */
    public ToolDeniedException(String tool, String action, String reason, String ruleId, String decisionId) {
        super(message(tool, reason, ruleId, decisionId));
        this.tool = tool;
        this.action = action;
        this.reason = reason;
        this.ruleId = ruleId;
        this.decisionId = decisionId;
    }

    private static String message(String tool, String reason, String ruleId, String decisionId) {
        StringBuilder text = new StringBuilder("Tool call '").append(tool).append("' was denied by policy");
        if (ruleId != null && !ruleId.isEmpty()) {
            text.append(" (rule ").append(ruleId).append(')');
        }
        text.append(": ").append(reason == null || reason.isEmpty() ? "no reason given" : reason);
        text.append(". Do not retry this call with the same arguments.");
        if (decisionId != null) {
            text.append(" [decision ").append(decisionId).append(']');
        }
        return text.toString();
    }

    public String tool() {
        return tool;
    }

    public String action() {
        return action;
    }

    public String reason() {
        return reason;
    }

    public String ruleId() {
        return ruleId;
    }

    public String decisionId() {
        return decisionId;
    }
}
