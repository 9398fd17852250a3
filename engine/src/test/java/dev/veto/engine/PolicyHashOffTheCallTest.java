package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.veto.engine.log.DecisionRecord;
import dev.veto.engine.policy.PolicyLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every log line names the policy by its SHA-256, and the JVM's first SHA-256 costs tens of milliseconds
 * (the security providers' set-up). A governed call must never pay that: the record carries the policy's
 * hash uncomputed, and the log's writer thread computes it.
 */
class PolicyHashOffTheCallTest {

    private static final String POLICY = """
            name: hash-test
            rules:
              - id: refunds
                tool: issue_refund
                action: require_approval
              - id: lookups
                tool: lookup_order
                action: allow
            """;

    @Test
    void aDecisionAndAHeldCallLeaveThePolicyHashUncomputed() throws Exception {
        RecordingLog log = new RecordingLog();
        try (Veto veto = Veto.builder().policyText(POLICY, "hash-test.yaml").decisionLog(log).build()) {
            veto.protect("lookup_order", Map.of("orderId", "o-1"), Map.of());
            Decision held = veto.protect("issue_refund", Map.of("amount", 10), Map.of());
            veto.approvals().resolve(held.id(), false, "reviewer", "no");

            assertEquals(3, log.records.size(), "two decisions and how the held call ended");
            for (DecisionRecord record : log.records) {
                assertSame(veto.policy().hash(), record.policyHash(), record.kind());
            }
            assertFalse(veto.policy().hash().computed(), "no call computed the policy's hash");
            assertEquals(PolicyLoader.contentHash(POLICY), log.records.get(0).policyHash().hex());
        }
    }
}
