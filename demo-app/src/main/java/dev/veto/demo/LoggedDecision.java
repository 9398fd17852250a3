package dev.veto.demo;

import java.util.Map;

/**
 * One line of Veto's decision log, as far as the transcript shows it.
 *
 * @param kind       {@code decision}, or {@code approval} for how a held call ended
 * @param decisionId the decision's id (an approval line carries its decision's id)
 * @param tool       the tool's name
 * @param action     {@code allow}, {@code deny} or {@code require_approval}
 * @param rule       the deciding rule's id, or null when {@code default_action} decided
 * @param reason     why
 * @param mode       {@code enforce} or {@code shadow}
 * @param outcome    for approval lines: GRANTED, DENIED, TIMED_OUT...
 * @param reviewer   for approval lines: who decided ({@code escalation} on timeout)
 */
record LoggedDecision(String kind, String decisionId, String tool, String action, String rule, String reason,
                      String mode, String outcome, String reviewer) {

    static LoggedDecision of(Map<String, Object> line) {
        return new LoggedDecision(
                text(line, "kind", "decision"),
                text(line, "decisionId", text(line, "decision_id", text(line, "id", null))),
                text(line, "tool", null),
                text(line, "action", null),
                text(line, "ruleId", text(line, "rule", null)),
                text(line, "reason", null),
                text(line, "mode", "enforce"),
                text(line, "outcome", null),
                text(line, "reviewer", null));
    }

    boolean isApproval() {
        return "approval".equals(kind);
    }

    boolean isHeld() {
        return "require_approval".equals(action);
    }

    boolean isShadow() {
        return "shadow".equals(mode);
    }

    private static String text(Map<String, Object> line, String key, String fallback) {
        Object value = line.get(key);
        return value == null ? fallback : String.valueOf(value);
    }
}
