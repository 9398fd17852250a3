package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** 16 threads at once never get more than the limit through a rate limit or a budget. */
class ConcurrentLimitsTest {

    static final int THREADS = 16;

    /** Runs {@code callsPerThread} calls on each of 16 threads started together; returns how many were allowed. */
    static int allowedUnderContention(Veto veto, int callsPerThread, String tool, Map<String, ?> arguments,
            Map<String, ?> context) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger allowed = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < callsPerThread; i++) {
                    if (veto.protect(tool, arguments, context).action() == Action.ALLOW) {
                        allowed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return allowed.get();
    }

    @Test
    void aRateLimitLetsExactlyNThroughAcross16Threads() throws Exception {
        long frozen = 42; // one instant: every call falls in the same window
        for (int round = 0; round < 20; round++) {
            try (Veto veto = Veto.builder().nanoClock(() -> frozen).policyText("""
                    rules:
                      - tool: send
                        action: allow
                        constraints:
                          rate_limit: 50/hour
                    """).build()) {
                assertEquals(50, allowedUnderContention(veto, 20, "send", Map.of(), Map.of()), "round " + round);
            }
        }
    }

    @Test
    void aPerUserRateLimitCountsEachUserApart() throws Exception {
        try (Veto veto = Veto.builder().nanoClock(() -> 7).policyText("""
                rules:
                  - tool: send
                    action: allow
                    constraints:
                      rate_limit: {limit: 30/minute, per: context.userId}
                """).build()) {
            assertEquals(30, allowedUnderContention(veto, 10, "send", Map.of(), Map.of("userId", "a")));
            assertEquals(30, allowedUnderContention(veto, 10, "send", Map.of(), Map.of("userId", "b")));
        }
    }

    @Test
    void aBudgetNeverSpendsMoreThanItsLimitAcross16Threads() throws Exception {
        try (Veto veto = Veto.builder().nanoClock(() -> 7).policyText("""
                rules:
                  - tool: pay
                    action: allow
                    constraints:
                      rate_limit: 1000/day
                      budget: {sum: arguments.amount, limit: 1000/day}
                """).build()) {
            // 7 fits 142 times into 1000; every refused call gives its rate permit back
            assertEquals(142, allowedUnderContention(veto, 50, "pay", Map.of("amount", 7), Map.of()));
            assertEquals(Action.ALLOW, veto.protect("pay", Map.of("amount", 6), Map.of()).action(), "6 is left");
        }
    }
}
