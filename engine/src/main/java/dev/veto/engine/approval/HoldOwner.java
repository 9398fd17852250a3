package dev.veto.engine.approval;

import dev.veto.engine.Approval;

/**
 * The engine's side of one held call, handed to {@link ApprovalRegistry#open} with the call and kept with
 * it, so nothing looks it up by decision id: it may turn a grant into a refusal (the engine applies the
 * call's rate limits and budgets here, which no reviewer can lift, and refuses every grant while its decision
 * log cannot be written) and it hears how the call ended (the engine logs the outcome).
 */
public interface HoldOwner {

    /** Refuses no grant and ignores the ending: for a call held by someone who keeps no limits or log. */
    HoldOwner NONE = new HoldOwner() {
        @Override
        public Refusal refusalOfGrant() {
            return null;
        }

        @Override
        public void ended(ApprovalRequest request, Approval approval) {
        }
    };

    /**
     * Called once per grant (a reviewer's, or an escalation of allow), by the thread that answered, before
     * the grant takes effect. Not called for a denial.
     *
     * @return why this grant cannot take effect, or null to let it
     */
    Refusal refusalOfGrant();

    /**
     * Why a grant cannot take effect, and how the call then ends ({@link Approval.Outcome#LIMIT_REACHED},
     * {@link Approval.Outcome#LOG_UNAVAILABLE}).
     */
    record Refusal(Approval.Outcome outcome, String reason) {
    }

    /**
     * The call ({@code request}, handed back so that an owner need not keep it) ended, as {@code approval}
     * says; called once, before the channels hear of it.
     */
    void ended(ApprovalRequest request, Approval approval);
}
