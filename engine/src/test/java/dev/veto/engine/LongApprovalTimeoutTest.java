package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.approval.ResolveResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The loader takes timeouts up to 999999999d; more than about 292 years do not fit in a long of nanoseconds.
 * Such a wait was an ArithmeticException: the call was denied at once as an engine error while it stayed held,
 * and a reviewer's later grant was logged as GRANTED for a call that never ran.
 */
class LongApprovalTimeoutTest {

    @Test
    void aTimeoutBeyondALongOfNanosecondsWaitsForTheReviewer() throws Exception {
        RecordingLog log = new RecordingLog();
        String policy = "rules:\n  - tool: t\n    action: require_approval\n    approval: {timeout: 999999999d}\n";
        try (Veto veto = Veto.builder().policyText(policy).decisionLog(log).build()) {
            Decision held = veto.protect("t", Map.of(), Map.of());
            CompletableFuture<Approval> waited = CompletableFuture.supplyAsync(() -> veto.waitForApproval(held.id(), held.approvalTimeout()));
            Thread.sleep(300);
            assertTrue(!waited.isDone(), () -> "the call waits for its reviewer: " + waited.join());
            assertEquals(ResolveResult.RESOLVED, veto.approvals().resolve(held.id(), true, "sam", "checked"));
            Approval approval = waited.get(10, TimeUnit.SECONDS);
            assertTrue(approval.granted(), approval::toString);
            assertEquals("sam", approval.reviewer());
        }
    }
}
