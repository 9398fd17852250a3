package dev.veto.engine;

/** What the engine tells the caller to do with one tool call. */
public enum Action {
    /** Run the call. */
    ALLOW("allow"),
    /** Do not run the call; throw {@code ToolDeniedException}. */
    DENY("deny"),
    /** Hold the call until a person grants or denies it, or the timeout's escalation decides. */
    APPROVAL_REQUIRED("require_approval");

    private final String policyName;

    Action(String policyName) {
        this.policyName = policyName;
    }

    /** The action's spelling in a policy file, the CLI and the decision log. */
    public String policyName() {
        return policyName;
    }
}
