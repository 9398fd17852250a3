package dev.veto.engine.limit;

import static dev.veto.engine.limit.RateLimiterTest.runOnThreads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BudgetLimiterTest {

    private final FakeClock clock = new FakeClock();
    private final BudgetLimiter perDay = new BudgetLimiter(new BigDecimal("5000"), Duration.ofDays(1), clock);

    @Test
    void grantsWhatFitsAndSaysWhatIsLeft() {
        assertEquals(new BudgetLimiter.Result(true, new BigDecimal("200")), perDay.tryConsume("alice", new BigDecimal("4800")));
        BudgetLimiter.Result refused = perDay.tryConsume("alice", new BigDecimal("300"));
        assertFalse(refused.granted());
        assertEquals(0, refused.remaining().compareTo(new BigDecimal("200")), "refused: what is left now");
        BudgetLimiter.Result last = perDay.tryConsume("alice", new BigDecimal("200"));
        assertTrue(last.granted(), "exactly what is left fits");
        assertEquals(0, last.remaining().signum());
        assertFalse(perDay.tryConsume("alice", new BigDecimal("0.01")).granted());
        assertTrue(perDay.tryConsume("bob", new BigDecimal("5000")).granted(), "each key has its own budget");
    }

    @Test
    void addsExactly() {
        for (int i = 0; i < 10; i++) {
            assertTrue(perDay.tryConsume("alice", new BigDecimal("0.1")).granted());
        }
        assertEquals(0, perDay.remaining("alice").compareTo(new BigDecimal("4999")));
        assertFalse(perDay.tryConsume("alice", new BigDecimal("4999.000000000000000001")).granted());
        assertTrue(perDay.tryConsume("alice", new BigDecimal("4999.000000000000000000")).granted());
    }

    @Test
    void theWindowSlides() {
        assertTrue(perDay.tryConsume("alice", new BigDecimal("3000")).granted());     // t=0
        clock.advance(Duration.ofHours(12));
        assertTrue(perDay.tryConsume("alice", new BigDecimal("2000")).granted());     // t=12h
        clock.advance(Duration.ofHours(12).minusNanos(1));
        assertFalse(perDay.tryConsume("alice", new BigDecimal("1")).granted(), "t=24h-1ns: 5000 spent in the last day");
        clock.advance(Duration.ofNanos(1));
        BudgetLimiter.Result afterSlide = perDay.tryConsume("alice", new BigDecimal("3000"));
        assertTrue(afterSlide.granted(), "t=24h: the 3000 of t=0 has left the window");
        assertEquals(0, afterSlide.remaining().signum());
    }

    @Test
    void zeroIsGrantedAndConsumesNothingAndNegativeIsRefused() {
        assertEquals(new BudgetLimiter.Result(true, new BigDecimal("5000")), perDay.tryConsume("alice", BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> perDay.tryConsume("alice", new BigDecimal("-1")));
        assertThrows(NullPointerException.class, () -> perDay.tryConsume("alice", null));
        assertEquals(0, perDay.remaining("alice").compareTo(new BigDecimal("5000")));
    }

    @Test
    void refundGivesTheAmountBack() {
        assertTrue(perDay.tryConsume("alice", new BigDecimal("4000")).granted());
        assertTrue(perDay.tryConsume("alice", new BigDecimal("1000")).granted());
        assertTrue(perDay.refund("alice", new BigDecimal("1000")), "the call was refused by its rate limit");
        assertEquals(0, perDay.remaining("alice").compareTo(new BigDecimal("1000")));
        assertFalse(perDay.refund("alice", new BigDecimal("1000")), "a refund matches an amount that was consumed");
        assertFalse(perDay.refund("bob", new BigDecimal("1")));
        assertEquals(0, perDay.remaining("alice").compareTo(new BigDecimal("1000")));
    }

    @Test
    void refundFromAnotherThreadGivesBackTheOldestMatchingConsumption() throws Exception {
        assertTrue(perDay.tryConsume("alice", new BigDecimal("1000")).granted());     // t=0
        clock.advance(Duration.ofHours(12));
        assertTrue(perDay.tryConsume("alice", new BigDecimal("1000")).granted());     // t=12h
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertTrue(other.submit(() -> perDay.refund("alice", new BigDecimal("1000"))).get());
        } finally {
            other.shutdown();
        }
        clock.advance(Duration.ofHours(12));
        assertEquals(0, perDay.remaining("alice").compareTo(new BigDecimal("4000")),
                "t=24h: the t=12h consumption still counts, so the limit can never be overrun");
    }

    @Test
    void sixteenThreadsNeverSpendMoreThanTheLimit() throws Exception {
        Queue<BudgetLimiter.Result> results = new ConcurrentLinkedQueue<>();
        Queue<BigDecimal> grantedAmounts = new ConcurrentLinkedQueue<>();
        runOnThreads(t -> {
            for (int i = 0; i < 2_000; i++) {
                BigDecimal amount = BigDecimal.valueOf(1 + (t * 31 + i * 17) % 50, 1); // 0.1 .. 5.0
                BudgetLimiter.Result r = perDay.tryConsume("alice", amount);
                results.add(r);
                if (r.granted()) {
                    grantedAmounts.add(amount);
                } else {
                    assertTrue(r.remaining().compareTo(amount) < 0, "refused although " + amount + " fits in " + r.remaining());
                }
            }
        });
        BigDecimal spent = grantedAmounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(spent.compareTo(new BigDecimal("5000")) <= 0, "spent " + spent);
        assertEquals(0, spent.add(perDay.remaining("alice")).compareTo(new BigDecimal("5000")),
                "what was granted and what is left add up to the limit");
        assertTrue(perDay.remaining("alice").compareTo(new BigDecimal("0.1")) < 0,
                "16 x 2000 calls of 0.1..5.0 ask for far more than 5000, so the budget is used up to its last 0.1");
    }

    @Test
    void sixteenThreadsSpendingOneEachGetExactlyTheLimit() throws Exception {
        BudgetLimiter small = new BudgetLimiter(new BigDecimal("1000"), Duration.ofDays(1), clock);
        AtomicInteger granted = new AtomicInteger();
        runOnThreads(t -> {
            for (int i = 0; i < 1_000; i++) {
                if (small.tryConsume("rule", BigDecimal.ONE).granted()) {
                    granted.incrementAndGet();
                }
            }
        });
        assertEquals(1000, granted.get());
    }

    @Test
    void keysWhoseConsumptionsExpiredAreEvicted() {
        BudgetLimiter limiter = new BudgetLimiter(BigDecimal.TEN, Duration.ofMinutes(1), clock);
        for (int user = 0; user < 5_000; user++) {
            assertTrue(limiter.tryConsume("user-" + user, BigDecimal.ONE).granted());
        }
        clock.advance(Duration.ofMinutes(1));
        limiter.evictIdleKeys();
        assertEquals(0, limiter.keyCount());
        assertEquals(0, limiter.remaining("user-1").compareTo(BigDecimal.TEN));
    }
}
