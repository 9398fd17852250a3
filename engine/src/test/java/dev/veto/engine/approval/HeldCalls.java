package dev.veto.engine.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Held calls for tests, shaped like the ones the engine opens. */
public final class HeldCalls {

    private HeldCalls() {
    }

    public static ApprovalRequest refund(String id, Object amount) {
        return request(id, "issue_refund", Map.of("order_id", "A-1", "amount", amount), "supervisors", Duration.ofMinutes(5));
    }

    public static ApprovalRequest request(String id, String tool, Map<String, Object> arguments, String channel,
            Duration timeout) {
        return new ApprovalRequest(id, tool, arguments, Map.of("role", "support_l1", "userId", "u-7"),
                "refund-limits", "Refunds above 200 need a supervisor's approval for L1 support", channel, timeout,
                false, () -> "sha256:" + id + ":" + arguments.hashCode(), Instant.now());
    }
}
