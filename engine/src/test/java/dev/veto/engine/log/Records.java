package dev.veto.engine.log;

import java.time.Instant;
import java.util.Map;

/** Decision records for the log's tests. */
final class Records {

    static final Instant TIME = Instant.parse("2026-11-25T19:00:00.123456Z");

    private Records() {
    }

    static DecisionRecord decision(String id, Map<String, Object> arguments) {
        return new DecisionRecord(TIME, "decision", id, "issue_refund", "allow", "refund-limits", "within the limit",
                Map.of("role", "support_l1", "userId", "u-7"), arguments, "enforce", "support-agent",
                "ab".repeat(32), 1234, null, null, null);
    }

    static DecisionRecord approval(String id) {
        return new DecisionRecord(TIME, "approval", id, "issue_refund", "deny", "refund-limits", "no answer in 5m",
                null, null, "enforce", "support-agent", "ab".repeat(32), 0, "escalation", "TIMED_OUT", 300_000L);
    }
}
