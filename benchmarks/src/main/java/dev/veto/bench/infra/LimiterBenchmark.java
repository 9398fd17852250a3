package dev.veto.bench.infra;

import dev.veto.engine.limit.BudgetLimiter;
import dev.veto.engine.limit.RateLimiter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a rate limit and a budget add to a governed call: a permit taken and given back (the log stays small,
 * as it does for a limit that is not yet reached), a call refused by a full limit, and a budget consumed
 * and refunded, on one key and on 1,000 keys (a per-user limit), with the real clock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LimiterBenchmark {

    private static final String RULE_WIDE = "rule";
    private static final BigDecimal AMOUNT = new BigDecimal("150.00");

    private RateLimiter open;
    private RateLimiter full;
    private BudgetLimiter budget;
    private String[] users;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup
    public void setUp() {
        open = new RateLimiter(20, Duration.ofHours(1), System::nanoTime);
        full = new RateLimiter(20, Duration.ofHours(1), System::nanoTime);
        for (int i = 0; i < 20; i++) {
            full.tryAcquire(RULE_WIDE);
        }
        budget = new BudgetLimiter(new BigDecimal("5000"), Duration.ofDays(1), System::nanoTime);
        users = new String[1000];
        for (int i = 0; i < users.length; i++) {
            users[i] = "user-" + i;
        }
    }

    @Benchmark
    public boolean rateAcquireAndRelease() {
        boolean granted = open.tryAcquire(RULE_WIDE);
        open.release(RULE_WIDE);
        return granted;
    }

    @Benchmark
    public boolean rateRefusedWhenFull() {
        return full.tryAcquire(RULE_WIDE);
    }

    @Benchmark
    public boolean ratePerUserAcquireAndRelease(Cursor cursor) {
        String user = users[cursor.next++ % users.length];
        boolean granted = open.tryAcquire(user);
        open.release(user);
        return granted;
    }

    @Benchmark
    public boolean budgetConsumeAndRefund() {
        boolean granted = budget.tryConsume(RULE_WIDE, AMOUNT).granted();
        budget.refund(RULE_WIDE, AMOUNT);
        return granted;
    }

    @Benchmark
    @Threads(4)
    public boolean rateAcquireAndReleaseFourThreadsOneKey() {
        boolean granted = open.tryAcquire(RULE_WIDE);
        open.release(RULE_WIDE);
        return granted;
    }
}
