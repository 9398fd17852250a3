package dev.veto.agent.engine;

import dev.veto.agent.runtime.Governor;
import dev.veto.agent.runtime.Outcome;
import dev.veto.engine.Approval;
import dev.veto.engine.Decision;
import dev.veto.engine.Veto;
import java.util.Locale;
import java.util.Map;

/** Governs calls with the policy engine: one of the two classes that use the engine's API (with {@link EngineStartup}). */
final class EngineGovernor implements Governor {

    private final Veto veto;

    EngineGovernor(Veto veto) {
        this.veto = veto;
    }

    @Override
    public Outcome govern(String tool, Map<String, Object> arguments, Map<String, Object> context) {
        Decision decision = veto.protect(tool, arguments, context);
        if (decision == null || decision.action() == null) {
            return Outcome.denied("the policy engine gave no decision");
        }
        switch (decision.action()) {
            case ALLOW:
                return Outcome.PROCEED;
            case DENY:
                return new Outcome(false, "deny", decision.reason(), decision.ruleId(), decision.id());
            case APPROVAL_REQUIRED:
                Approval approval = veto.waitForApproval(decision.id(), decision.approvalTimeout());
                if (approval != null && approval.granted()) {
                    return Outcome.PROCEED;
                }
                return refused(decision, approval);
            default:
                return new Outcome(false, "deny", "unknown action " + decision.action(), decision.ruleId(), decision.id());
        }
    }

    private static Outcome refused(Decision decision, Approval approval) {
        if (approval == null) {
            return new Outcome(false, "deny", decision.reason() + "; the approval gave no answer",
                    decision.ruleId(), decision.id());
        }
        String how = approval.outcome() == null ? "denied" : approval.outcome().name().toLowerCase(Locale.ROOT);
        if (approval.outcome() == Approval.Outcome.LIMIT_REACHED || approval.outcome() == Approval.Outcome.LOG_UNAVAILABLE) {
            // a refused grant: the reason says who granted it and what refused it
            return new Outcome(false, "approval_" + how, decision.reason() + "; " + approval.reason(),
                    decision.ruleId(), decision.id());
        }
        String by = approval.reviewer() == null ? "" : " by " + approval.reviewer();
        String why = approval.reason() == null || approval.reason().isEmpty() ? "" : ": " + approval.reason();
        return new Outcome(false, "approval_" + how,
                decision.reason() + "; approval " + how.replace('_', ' ') + by + why, decision.ruleId(), decision.id());
    }
}
