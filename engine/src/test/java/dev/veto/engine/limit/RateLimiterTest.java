package dev.veto.engine.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final String RULE_WIDE = "rule";
    private static final int THREADS = 16;

    private final FakeClock clock = new FakeClock();

    @Test
    void grantsThePermitsThenRefuses() {
        RateLimiter limiter = new RateLimiter(20, Duration.ofHours(1), clock);
        for (int i = 0; i < 20; i++) {
            assertTrue(limiter.tryAcquire(RULE_WIDE), "call " + (i + 1));
        }
        assertFalse(limiter.tryAcquire(RULE_WIDE), "the 21st call in the hour");
        assertEquals(20, limiter.used(RULE_WIDE));
    }

    @Test
    void countsEachKeyApart() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), clock);
        assertTrue(limiter.tryAcquire("alice"));
        assertTrue(limiter.tryAcquire("bob"));
        assertFalse(limiter.tryAcquire("alice"));
        assertFalse(limiter.tryAcquire("bob"));
    }

    @Test
    void theWindowSlidesRatherThanResetting() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(10), clock);
        assertTrue(limiter.tryAcquire(RULE_WIDE));                    // t=0
        clock.advance(Duration.ofSeconds(8));
        assertTrue(limiter.tryAcquire(RULE_WIDE));                    // t=8
        assertTrue(limiter.tryAcquire(RULE_WIDE));                    // t=8
        clock.advance(Duration.ofSeconds(2).minusNanos(1));
        assertFalse(limiter.tryAcquire(RULE_WIDE), "t=10s-1ns: three in the last 10s");
        clock.advance(Duration.ofNanos(1));
        assertTrue(limiter.tryAcquire(RULE_WIDE), "t=10s: the grant of t=0 has left the window");
        // A fixed 10s bucket would start afresh here and allow three more; the sliding window still holds
        // the two grants of t=8.
        assertFalse(limiter.tryAcquire(RULE_WIDE), "t=10s: the two grants of t=8 and this one fill the window");
        clock.advance(Duration.ofSeconds(8));
        assertTrue(limiter.tryAcquire(RULE_WIDE), "t=18s");
        assertTrue(limiter.tryAcquire(RULE_WIDE), "t=18s");
        assertFalse(limiter.tryAcquire(RULE_WIDE), "t=18s");
    }

    @Test
    void sixteenThreadsNeverGetMoreThanThePermitsInOneWindow() throws Exception {
        RateLimiter limiter = new RateLimiter(500, Duration.ofHours(1), clock);
        AtomicInteger granted = new AtomicInteger();
        runOnThreads(t -> {
            for (int i = 0; i < 5_000; i++) {
                if (limiter.tryAcquire(RULE_WIDE)) {
                    granted.incrementAndGet();
                }
            }
        });
        assertEquals(500, granted.get());
        assertEquals(500, limiter.used(RULE_WIDE));

        clock.advance(Duration.ofHours(1));
        granted.set(0);
        runOnThreads(t -> {
            for (int i = 0; i < 5_000; i++) {
                if (limiter.tryAcquire(RULE_WIDE)) {
                    granted.incrementAndGet();
                }
            }
        });
        assertEquals(500, granted.get(), "the next window grants exactly the permits again");
    }

    @Test
    void noWindowEverHoldsMoreThanThePermitsWhileTimeMovesAndKeysAreEvicted() throws Exception {
        // Every clock reading moves time by 1µs; a window is 2ms. Each grant's stamp is the reading the
        // granting thread took last, so the test knows exactly when each grant happened.
        FakeClock ticking = new FakeClock(1_000);
        int permits = 25;
        Duration window = Duration.ofMillis(2);
        RateLimiter limiter = new RateLimiter(permits, window, ticking);
        Map<Integer, List<Long>> stampsByKey = new ConcurrentHashMap<>();
        runOnThreads(t -> {
            for (int i = 0; i < 4_000; i++) {
                int key = (t + i) % 4;
                if (limiter.tryAcquire(key)) {
                    long stamp = ticking.lastReadingOnThisThread();
                    stampsByKey.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(stamp);
                }
                if (i % 500 == 0) {
                    limiter.evictIdleKeys();
                }
            }
        });
        long total = 0;
        for (Map.Entry<Integer, List<Long>> entry : stampsByKey.entrySet()) {
            List<Long> stamps = new ArrayList<>(entry.getValue());
            Collections.sort(stamps);
            total += stamps.size();
            for (int i = 0; i + permits < stamps.size(); i++) {
                long span = stamps.get(i + permits) - stamps.get(i);
                assertTrue(span >= window.toNanos(), "key " + entry.getKey() + ": " + (permits + 1)
                        + " grants within " + span + "ns, less than the window");
            }
        }
        assertTrue(total > 4L * permits, "time moved through many windows, so more than one window's permits were granted: " + total);
    }

    @Test
    void releaseGivesBackThePermitJustTaken() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(10), clock);
        assertTrue(limiter.tryAcquire(RULE_WIDE));                    // t=0
        clock.advance(Duration.ofSeconds(5));
        assertTrue(limiter.tryAcquire(RULE_WIDE));                    // t=5, then another limit refuses the call
        assertTrue(limiter.release(RULE_WIDE));
        assertEquals(1, limiter.used(RULE_WIDE));
        clock.advance(Duration.ofSeconds(5));
        // t=10: the t=0 permit has expired and the t=5 one was given back. (Had the t=0 one been given back,
        // the t=5 one would still count.)
        assertEquals(0, limiter.used(RULE_WIDE));
    }

    @Test
    void releaseFromAnotherThreadGivesBackTheOldestPermitSoTheLimitStillHolds() throws Exception {
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(10), clock);
        assertTrue(limiter.tryAcquire(RULE_WIDE));                    // t=0
        clock.advance(Duration.ofSeconds(5));
        assertTrue(limiter.tryAcquire(RULE_WIDE));                    // t=5
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertTrue(other.submit(() -> limiter.release(RULE_WIDE)).get());
        } finally {
            other.shutdown();
        }
        clock.advance(Duration.ofSeconds(5).minusNanos(1));
        assertEquals(1, limiter.used(RULE_WIDE), "t=10s-1ns: the t=5 permit is kept, the t=0 one went");
        clock.advance(Duration.ofSeconds(5).plusNanos(1));
        assertEquals(0, limiter.used(RULE_WIDE), "t=15s: the t=5 permit has left the window too");
    }

    @Test
    void releaseWithNothingTakenGivesNothingBack() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(10), clock);
        assertFalse(limiter.release("nobody"));
        assertTrue(limiter.tryAcquire("alice"));
        clock.advance(Duration.ofSeconds(10));
        assertFalse(limiter.release("alice"), "the permit has already left the window");
        assertTrue(limiter.tryAcquire("alice"));
        assertFalse(limiter.tryAcquire("alice"), "a refused release must not free a slot");
    }

    @Test
    void keysWhosePermitsExpiredAreEvicted() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), clock);
        for (int user = 0; user < 10_000; user++) {
            assertTrue(limiter.tryAcquire("user-" + user));
        }
        assertTrue(limiter.keyCount() <= 10_000);
        clock.advance(Duration.ofMinutes(1));
        assertTrue(limiter.tryAcquire("newcomer"), "a new key after a window has passed sweeps the idle ones");
        assertEquals(1, limiter.keyCount());
        assertFalse(limiter.tryAcquire("newcomer"));
    }

    @Test
    void manyLiveKeysAreKeptAndIdleOnesDoNotPileUp() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1), clock);
        for (int round = 0; round < 50; round++) {
            for (int user = 0; user < 3_000; user++) {
                assertTrue(limiter.tryAcquire("round-" + round + "-user-" + user));
            }
            clock.advance(Duration.ofMillis(100)); // less than a window: only the size trigger sweeps
            assertTrue(limiter.keyCount() <= 2 * 3_000 * 10 + 1024,
                    "keys held: " + limiter.keyCount() + " while at most 30,000 of 150,000 are live");
        }
    }

    @Test
    void refusesBadConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, Duration.ofSeconds(1), clock));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, Duration.ZERO, clock));
        assertThrows(NullPointerException.class, () -> new RateLimiter(1, Duration.ofSeconds(1), clock).tryAcquire(null));
    }

    /** Runs the body on 16 threads that start together, and fails if any of them failed. */
    static void runOnThreads(ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface ThreadBody {
        void run(int thread) throws Exception;
    }
}
