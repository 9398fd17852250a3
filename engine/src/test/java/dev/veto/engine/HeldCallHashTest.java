package dev.veto.engine;

import static dev.veto.engine.SeedPolicyTableTest.SEED;
import static dev.veto.engine.SeedPolicyTableTest.l1;
import static dev.veto.engine.SeedPolicyTableTest.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.approval.ApprovalRequest;
import dev.veto.engine.approval.ResolveResult;
import dev.veto.engine.log.DecisionLog;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The hash a reviewer's answer binds to is the hash of the held call as it stands when it is read: holding
 * a call does not compute it (the calling thread pays nothing for it), and an answer bound to arguments
 * that changed since is refused.
 */
class HeldCallHashTest {

    /** An argument that counts how often it is written out (the call hash writes such values as text). */
    static final class CountedArgument {
        final AtomicInteger written = new AtomicInteger();

        @Override
        public String toString() {
            written.incrementAndGet();
            return "counted";
        }
    }

    private static Veto seed() throws Exception {
        return Veto.builder().policyFile(SEED).decisionLog(DecisionLog.discard()).build();
    }

    @Test
    void holdingACallDoesNotHashItsArgumentsReadingTheHashDoes() throws Exception {
        try (Veto veto = seed()) {
            CountedArgument counted = new CountedArgument();
            Map<String, Object> arguments = refund(350);
            arguments.put("attachment", counted);

            Decision held = veto.protect("issue_refund", arguments, l1());
            assertEquals(Action.APPROVAL_REQUIRED, held.action());
            assertEquals(0, counted.written.get(), "nothing hashed on the calling thread");

            String hash = veto.approvals().find(held.id()).orElseThrow().argumentsHash();
            assertTrue(hash.matches("[0-9a-f]{64}"), hash);
            assertEquals(1, counted.written.get());
            assertEquals(hash, CallHash.of("issue_refund", arguments), "the hash of the tool and its unredacted arguments");
        }
    }

    @Test
    void anAnswerBoundToArgumentsThatChangedSinceIsRefusedAndTheCallStaysHeld() throws Exception {
        try (Veto veto = seed()) {
            Map<String, Object> arguments = refund(350);
            Decision held = veto.protect("issue_refund", arguments, l1());
            ApprovalRequest request = veto.approvals().find(held.id()).orElseThrow();
            String shown = request.argumentsHash();

            arguments.put("amount", 4_999);   // another thread changes the argument map while the call waits

            String now = request.argumentsHash();
            assertNotEquals(shown, now);
            assertEquals(ResolveResult.CALL_MISMATCH, veto.approvals().resolve(held.id(), true, "sam", "ok", shown));
            assertTrue(veto.approvals().find(held.id()).isPresent(), "still held");
            assertEquals(ResolveResult.RESOLVED, veto.approvals().resolve(held.id(), true, "sam", "seen again", now));
            Approval approval = veto.waitForApproval(held.id(), held.approvalTimeout());
            assertTrue(approval.granted(), approval.reason());
        }
    }
}
