package dev.veto.engine.log;

import dev.veto.engine.policy.ContentHash;
import java.time.Instant;
import java.util.Map;

/**
 * One line of the decision log: a decision, or how a held call ended.
 *
 * @param time            when
 * @param kind            {@code "decision"} or {@code "approval"}
 * @param decisionId      the decision's id (an approval line carries the id of the decision it ends)
 * @param tool            the tool's name
 * @param action          {@code allow}, {@code deny} or {@code require_approval}; for an approval line
 *                        {@code allow} or {@code deny} as the outcome
 * @param ruleId          the deciding rule's id, or null for the default action
 * @param reason          why
 * @param context         the caller's context
 * @param arguments       the arguments with the policy's {@code redact:} paths already masked
 * @param mode            {@code enforce} or {@code shadow}
 * @param policyName      the policy's {@code name}
 * @param policyHash      SHA-256 of the policy file's content, computed when first asked for: the log's
 *                        writer asks, so that a call never waits for the JVM's first SHA-256 (tens of ms)
 * @param evaluationNanos time spent deciding
 * @param reviewer        for approval lines: who decided ({@code escalation} on timeout); else null
 * @param outcome         for approval lines: GRANTED, DENIED, TIMED_OUT, CHANNEL_UNAVAILABLE...; else null
 * @param waitedMillis    for approval lines: how long the call was held; else null
 */
public record DecisionRecord(
        Instant time,
        String kind,
        String decisionId,
        String tool,
        String action,
        String ruleId,
        String reason,
        Map<String, Object> context,
        Map<String, Object> arguments,
        String mode,
        String policyName,
        ContentHash policyHash,
        long evaluationNanos,
        String reviewer,
        String outcome,
        Long waitedMillis) {
}
