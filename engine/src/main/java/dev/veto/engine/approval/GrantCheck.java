package dev.veto.engine.approval;

/**
 * Consulted when a held call is granted, before the grant takes effect, and able to turn it into a
 * refusal: the engine applies the call's rate limits and budgets here, which no reviewer can lift.
 */
@FunctionalInterface
public interface GrantCheck {

    /**
     * Called once per grant (a reviewer's, or an escalation of allow), by the thread that answered. A check
     * answers only for the calls it holds itself and returns null for any other.
     *
     * @return why this grant cannot take effect, or null to let it
     */
    String refusal(ApprovalRequest request);
}
