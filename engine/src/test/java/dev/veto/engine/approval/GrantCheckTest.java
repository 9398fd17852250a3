package dev.veto.engine.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Approval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A grant takes effect only when every grant check lets it; refusals and failures end the call denied. */
class GrantCheckTest {

    final ApprovalRegistry registry = new ApprovalRegistry();

    @Test
    void aCheckThatRefusesTurnsTheGrantIntoADenialThatNamesTheReviewer() {
        registry.addGrantCheck(request -> "over the budget");
        registry.open(HeldCalls.refund("d-1", 900));
        assertEquals(ResolveResult.RESOLVED, registry.resolve("d-1", true, "sam", "fine"));
        Approval approval = registry.await("d-1", Duration.ofSeconds(5));
        assertFalse(approval.granted());
        assertEquals(Approval.Outcome.LIMIT_REACHED, approval.outcome());
        assertEquals("granted by sam, but over the budget", approval.reason());
        assertEquals(ResolveResult.ALREADY_RESOLVED, registry.resolve("d-1", true, "ann", null));
    }

    @Test
    void aCheckThatFailsRefusesTheGrant() {
        registry.addGrantCheck(request -> {
            throw new IllegalStateException("limiter broken");
        });
        registry.open(HeldCalls.refund("d-2", 900));
        registry.resolve("d-2", true, "sam", null);
        Approval approval = registry.await("d-2", Duration.ofSeconds(5));
        assertFalse(approval.granted());
        assertTrue(approval.reason().contains("limiter broken"), approval.reason());
    }

    @Test
    void aDenialAndATimeoutThatDeniesAreNotChecked() {
        AtomicInteger checked = new AtomicInteger();
        registry.addGrantCheck(request -> {
            checked.incrementAndGet();
            return null;
        });
        registry.open(HeldCalls.refund("d-3", 900));
        registry.resolve("d-3", false, "sam", "no");
        registry.open(HeldCalls.refund("d-4", 900));
        assertEquals(Approval.Outcome.TIMED_OUT, registry.await("d-4", Duration.ofMillis(10)).outcome());
        assertEquals(0, checked.get());
        registry.open(HeldCalls.refund("d-5", 900));
        registry.resolve("d-5", true, "sam", null);
        assertTrue(registry.await("d-5", Duration.ofSeconds(5)).granted());
        assertEquals(1, checked.get());
    }

    @Test
    void racingAnswersRunTheCheckOnceAndAgreeWithTheOutcome() throws Exception {
        AtomicInteger checked = new AtomicInteger();
        registry.addGrantCheck(request -> {
            checked.incrementAndGet();
            return null;
        });
        for (int round = 0; round < 200; round++) {
            String id = "race-" + round;
            registry.open(HeldCalls.refund(id, 900));
            List<Thread> answerers = new ArrayList<>();
            AtomicInteger resolved = new AtomicInteger();
            for (int t = 0; t < 4; t++) {
                boolean grant = t % 2 == 0;
                answerers.add(started(() -> {
                    if (registry.resolve(id, grant, grant ? "yes" : "no", null) == ResolveResult.RESOLVED) {
                        resolved.incrementAndGet();
                    }
                }));
            }
            for (Thread t : answerers) {
                t.join();
            }
            assertEquals(1, resolved.get(), "exactly one answer wins");
            Approval approval = registry.await(id, Duration.ofSeconds(5));
            assertEquals(approval, registry.outcome(id).orElseThrow());
            assertEquals(approval.granted() ? "yes" : "no", approval.reviewer());
        }
        assertTrue(checked.get() <= 200, "checked once per winning grant at most: " + checked.get());
    }

    static Thread started(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }
}
