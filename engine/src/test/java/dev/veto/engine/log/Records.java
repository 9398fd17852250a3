package dev.veto.engine.log;

import dev.veto.engine.policy.ContentHash;
import java.time.Instant;
import java.util.Map;

/** Decision records for the log's tests. */
final class Records {

    static final Instant TIME = Instant.parse("2026-11-25T19:00:00.123456Z");

    private Records() {
    }

    /** A policy hash as the engine passes it: known at once here. */
    static final ContentHash HASH = ContentHash.known("ab".repeat(32));

    static DecisionRecord decision(String id, Map<String, Object> arguments) {
        return new DecisionRecord(TIME, "decision", id, "issue_refund", "allow", "refund-limits", "within the limit",
                Map.of("role", "support_l1", "userId", "u-7"), arguments, "enforce", "support-agent",
                HASH, 1234, null, null, null);
    }

    static DecisionRecord approval(String id) {
        return new DecisionRecord(TIME, "approval", id, "issue_refund", "deny", "refund-limits", "no answer in 5m",
                null, null, "enforce", "support-agent", HASH, 0, "escalation", "TIMED_OUT", 300_000L);
    }
}
