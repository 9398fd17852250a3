package dev.veto.engine;

import java.time.Duration;

/**
 * The engine's answer for one tool call.
 *
 * <p>The accessors {@code id, tool, action, reason, ruleId, approvalTimeout} are what the agent, the
 * CLI and the approval channels rely on.
 *
 * @param id              unique id of this decision, also in the decision log
 * @param tool            the tool's name
 * @param action          what the caller must do (in shadow mode always ALLOW)
 * @param reason          why, in words a model and a person can read
 * @param ruleId          the deciding rule's id, or null when {@code default_action} decided
 * @param condition       where in the policy the decision came from ("rules[1].conditions[0]"), or null
 * @param approvalTimeout for APPROVAL_REQUIRED: how long to hold the call; else null
 * @param enforcedAction  what enforce mode decides; differs from {@code action} only in shadow mode
 */
public record Decision(
        String id,
        String tool,
        Action action,
        String reason,
        String ruleId,
        String condition,
        Duration approvalTimeout,
        Action enforcedAction) {
}
