package dev.veto.engine.policy;

/** How a policy's decisions are applied. */
public enum Mode {
    /** Decisions are applied: denied calls do not run, held calls wait. */
    ENFORCE,
    /** Decisions are logged as enforce would make them, and every call runs: how a policy is rolled out. */
    SHADOW;

    /** The mode's spelling in a policy file and the decision log. */
    public String policyName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
