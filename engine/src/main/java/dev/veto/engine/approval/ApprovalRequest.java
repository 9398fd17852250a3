package dev.veto.engine.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One call held for a person's decision, as channels show it.
 *
 * @param decisionId     the decision that held the call
 * @param tool           the tool's name
 * @param arguments      the arguments, already redacted per the policy's {@code redact:} paths
 * @param context        the caller's context
 * @param ruleId         the rule that asked for approval
 * @param reason         the rule's reason
 * @param channel        the policy's channel label (which transport serves it is configuration)
 * @param timeout        how long the call may be held before the escalation decides
 * @param escalateToAllow whether the call runs when nobody answers in time (the policy says so explicitly)
 * @param argumentsHash  hash of the exact call (tool and arguments): what was approved is what runs
 * @param requestedAt    when the call was held
 */
public record ApprovalRequest(
        String decisionId,
        String tool,
        Map<String, Object> arguments,
        Map<String, Object> context,
        String ruleId,
        String reason,
        String channel,
        Duration timeout,
        boolean escalateToAllow,
        String argumentsHash,
        Instant requestedAt) {
}
