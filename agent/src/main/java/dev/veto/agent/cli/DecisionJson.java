package dev.veto.agent.cli;

import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one JSON line {@code eval} prints per call. */
final class DecisionJson {

    private DecisionJson() {
    }

    static Map<String, Object> of(Decision decision) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("tool", decision.tool());
        line.put("action", decision.action().policyName());
        line.put("reason", decision.reason());
        line.put("rule", decision.ruleId());
        line.put("condition", decision.condition());
        if (decision.enforcedAction() != null && decision.enforcedAction() != decision.action()) {
            line.put("enforced_action", decision.enforcedAction().policyName());
        }
        if (decision.enforcedAction() == Action.APPROVAL_REQUIRED && decision.approvalTimeout() != null) {
            line.put("approval_timeout", decision.approvalTimeout().toString());
        }
        line.put("explanation", explanation(decision));
        return line;
    }

    /** What enforce mode decides (in shadow mode the call itself is allowed). */
    static Action verdict(Decision decision) {
        return decision.enforcedAction() == null ? decision.action() : decision.enforcedAction();
    }

    /** Which rule and condition decided, in a sentence. */
    static String explanation(Decision decision) {
        String verdict = verdict(decision).policyName();
        if (decision.ruleId() == null) {
            return "no rule decided, so default_action gives " + verdict;
        }
        String where = decision.condition() == null ? "" : " at " + decision.condition();
        return "rule " + decision.ruleId() + where + " decided " + verdict;
    }
}
