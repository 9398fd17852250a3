package dev.veto.engine.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Approval;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * An ended decision is remembered while fewer than {@code capacity} decisions have ended after it, and
 * forgotten once that many have, so a late answer hears "already resolved" for every recent call and
 * memory stays bounded.
 */
class RecentOutcomesTest {

    private static Approval denied(int n) {
        return new Approval(false, "reviewer-" + n, "no", Approval.Outcome.DENIED, n);
    }

    @Test
    void everyOneOfTheLastCapacityOutcomesIsRemembered() {
        RecentOutcomes outcomes = new RecentOutcomes(100);
        for (int ended = 1; ended <= 1_000; ended++) {
            outcomes.put("d-" + ended, denied(ended));
            for (int back = 0; back < Math.min(ended, 100); back++) {
                int n = ended - back;
                Approval remembered = outcomes.get("d-" + n);
                assertEquals("reviewer-" + n, remembered == null ? null : remembered.reviewer(),
                        "after " + ended + " endings, d-" + n + " is " + back + " back");
            }
        }
    }

    @Test
    void anOutcomeIsForgottenOnceCapacityMoreHaveEnded() {
        RecentOutcomes outcomes = new RecentOutcomes(100);
        outcomes.put("first", denied(0));
        for (int n = 1; n < 100; n++) {
            outcomes.put("d-" + n, denied(n));
        }
        assertTrue(outcomes.contains("first"), "99 later endings");
        outcomes.put("d-100", denied(100));
        assertFalse(outcomes.contains("first"));
        assertNull(outcomes.get("first"));
        assertTrue(outcomes.contains("d-100"));
    }

    @Test
    void idsWhoseHashesCollideAreToldApart() {
        // "Aa" and "BB" have the same String hash code, and so do their concatenations
        RecentOutcomes outcomes = new RecentOutcomes(10);
        outcomes.put("AaAa", denied(1));
        outcomes.put("BBBB", denied(2));
        assertEquals("AaBB".hashCode(), "BBBB".hashCode());
        assertEquals("reviewer-1", outcomes.get("AaAa").reviewer());
        assertEquals("reviewer-2", outcomes.get("BBBB").reviewer());
        assertNull(outcomes.get("AaBB"));
    }

    @Test
    void anIdWhoseHashIsZeroIsNotFoundInEmptySlots() {
        assertEquals(0, "".hashCode());
        RecentOutcomes outcomes = new RecentOutcomes(10);
        assertNull(outcomes.get(""));
        outcomes.put("", denied(3));
        assertEquals("reviewer-3", outcomes.get("").reviewer());
    }

    @Test
    void outcomesPutFromManyThreadsAtOnceAreAllRememberedWhileWithinCapacity() throws InterruptedException {
        int threads = 4;
        int perThread = 2_500;
        RecentOutcomes outcomes = new RecentOutcomes(threads * perThread);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> putters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread putter = new Thread(() -> {
                awaitQuietly(start);
                for (int n = 0; n < perThread; n++) {
                    outcomes.put(thread + "-" + n, denied(n));
                }
            });
            putter.start();
            putters.add(putter);
        }
        start.countDown();
        for (Thread putter : putters) {
            putter.join();
        }
        for (int t = 0; t < threads; t++) {
            for (int n = 0; n < perThread; n++) {
                assertTrue(outcomes.contains(t + "-" + n), t + "-" + n);
            }
        }
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RecentOutcomes(0));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
