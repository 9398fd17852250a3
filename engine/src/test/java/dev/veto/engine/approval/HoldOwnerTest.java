package dev.veto.engine.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Approval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A held call's owner (the engine) decides whether a grant takes effect, and hears once how the call
 * ended, before the channels do.
 */
class HoldOwnerTest {

    final ApprovalRegistry registry = new ApprovalRegistry();

    @Test
    void aCheckThatRefusesTurnsTheGrantIntoADenialThatNamesTheReviewer() {
        registry.open(HeldCalls.refund("d-1", 900), refusing(() -> "over the budget"));
        assertEquals(ResolveResult.RESOLVED, registry.resolve("d-1", true, "sam", "fine"));
        Approval approval = registry.await("d-1", Duration.ofSeconds(5));
        assertFalse(approval.granted());
        assertEquals(Approval.Outcome.LIMIT_REACHED, approval.outcome());
        assertEquals("granted by sam, but over the budget", approval.reason());
        assertEquals(ResolveResult.ALREADY_RESOLVED, registry.resolve("d-1", true, "ann", null));
    }

    @Test
    void aCheckThatFailsRefusesTheGrant() {
        registry.open(HeldCalls.refund("d-2", 900), refusing(() -> {
            throw new IllegalStateException("limiter broken");
        }));
        registry.resolve("d-2", true, "sam", null);
        Approval approval = registry.await("d-2", Duration.ofSeconds(5));
        assertFalse(approval.granted());
        assertTrue(approval.reason().contains("limiter broken"), approval.reason());
    }

    @Test
    void aDenialAndATimeoutThatDeniesAreNotChecked() {
        AtomicInteger checked = new AtomicInteger();
        HoldOwner counting = refusing(() -> {
            checked.incrementAndGet();
            return null;
        });
        registry.open(HeldCalls.refund("d-3", 900), counting);
        registry.resolve("d-3", false, "sam", "no");
        registry.open(HeldCalls.refund("d-4", 900), counting);
        assertEquals(Approval.Outcome.TIMED_OUT, registry.await("d-4", Duration.ofMillis(10)).outcome());
        assertEquals(0, checked.get());
        registry.open(HeldCalls.refund("d-5", 900), counting);
        registry.resolve("d-5", true, "sam", null);
        assertTrue(registry.await("d-5", Duration.ofSeconds(5)).granted());
        assertEquals(1, checked.get());
    }

    @Test
    void racingAnswersRunTheCheckOnceAndAgreeWithTheOutcome() throws Exception {
        AtomicInteger checked = new AtomicInteger();
        HoldOwner counting = refusing(() -> {
            checked.incrementAndGet();
            return null;
        });
        for (int round = 0; round < 200; round++) {
            String id = "race-" + round;
            registry.open(HeldCalls.refund(id, 900), counting);
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

    @Test
    void theOwnerHearsTheEndingOnceAndBeforeTheChannels() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        registry.addListener(channelNoting(heard));
        registry.open(HeldCalls.refund("d-6", 900),
                owner(() -> null, approval -> heard.add("owner: " + approval.outcome() + " by " + approval.reviewer())));
        List<Thread> answerers = List.of(
                started(() -> registry.resolve("d-6", false, "sam", "no")),
                started(() -> registry.resolve("d-6", false, "ann", "no")));
        for (Thread answerer : answerers) {
            answerer.join();
        }
        registry.await("d-6", Duration.ofMillis(10));
        String reviewer = registry.outcome("d-6").orElseThrow().reviewer();
        assertEquals(List.of("owner: DENIED by " + reviewer, "channel: d-6 DENIED"), heard);
    }

    @Test
    void anOwnerThatFailsOnTheEndingDoesNotKeepTheChannelsFromHearingIt() {
        List<String> heard = new CopyOnWriteArrayList<>();
        registry.addListener(channelNoting(heard));
        registry.open(HeldCalls.refund("d-7", 900), owner(() -> null, approval -> {
            throw new IllegalStateException("log broken");
        }));
        assertEquals(ResolveResult.RESOLVED, registry.resolve("d-7", true, "sam", null));
        assertTrue(registry.await("d-7", Duration.ofSeconds(5)).granted());
        assertEquals(List.of("channel: d-7 GRANTED"), heard);
    }

    /** An owner whose grant check is {@code check} and who ignores the ending. */
    static HoldOwner refusing(Supplier<String> check) {
        return owner(check, approval -> {
        });
    }

    static HoldOwner owner(Supplier<String> check, Consumer<Approval> onEnd) {
        return new HoldOwner() {
            @Override
            public Refusal refusalOfGrant() {
                String refusal = check.get();
                return refusal == null ? null : new Refusal(Approval.Outcome.LIMIT_REACHED, refusal);
            }

            @Override
            public void ended(ApprovalRequest request, Approval approval) {
                onEnd.accept(approval);
            }
        };
    }

    /** A channel that notes each ending it hears of in {@code heard}. */
    static ApprovalListener channelNoting(List<String> heard) {
        return new ApprovalListener() {
            @Override
            public void opened(ApprovalRequest request) {
            }

            @Override
            public void closed(ApprovalRequest request, Approval approval) {
                heard.add("channel: " + request.decisionId() + " " + approval.outcome());
            }
        };
    }

    static Thread started(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }
}
