package dev.veto.engine.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

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
 * @param argumentsHashing computes {@link #argumentsHash()}
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
        Supplier<String> argumentsHashing,
        Instant requestedAt) {

    /**
     * The hash of the exact call as it stands now (tool and unredacted arguments): a reviewer's answer bound
     * to the hash they were shown is refused when it is no longer this, so what was approved is what runs.
     * It is computed on each read, by whoever reads it (a channel showing the call, an answer being checked),
     * never on the calling thread when the call is held: hashing arguments costs microseconds, and most
     * held calls are answered without anyone binding to a hash. Null when the arguments cannot be hashed
     * now (then no answer can bind to them).
     */
    public String argumentsHash() {
        return argumentsHashing.get();
    }
}
