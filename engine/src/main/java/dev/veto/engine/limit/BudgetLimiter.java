package dev.veto.engine.limit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} summed per key in any window of length {@code window} (for example, refunds of at
 * most 5000 a day per user): a sliding log of the amounts consumed, exact under any number of threads
 * (each key's check and consumption happen under one lock, so two calls can never spend the same
 * remainder). Amounts are BigDecimal and added exactly.
 */
public final class BudgetLimiter {

    /**
     * @param granted   whether the amount was consumed
     * @param remaining what is left in the window after this call when granted; what is left now when refused
     */
    public record Result(boolean granted, BigDecimal remaining) {
    }

    private final BigDecimal limit;
    private final SlidingLogs logs;

    /**
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}, or a fake one in tests)
     */
    public BudgetLimiter(BigDecimal limit, Duration window, LongSupplier nanoClock) {
        if (limit == null || limit.signum() <= 0) {
            throw new IllegalArgumentException("budget limit must be more than 0, was " + limit);
        }
        this.limit = limit;
        this.logs = new SlidingLogs(window, nanoClock, true);
    }

    /**
     * Consumes {@code amount} for this key if it fits in what is left of the window ending now. An amount of
     * zero is granted and consumes nothing.
     *
     * @throws IllegalArgumentException for a null or negative amount (a negative amount would raise the
     *                                  budget; the caller decides how to refuse it)
     */
    public Result tryConsume(Object key, BigDecimal amount) {
        requireAmount(amount);
        SlidingLog log = logs.lock(key);
        try {
            BigDecimal left = limit.subtract(log.total());
            if (amount.compareTo(left) > 0) {
                return new Result(false, left);
            }
            if (amount.signum() > 0) {
                log.append(log.now, Thread.currentThread().getId(), amount);
            }
            return new Result(true, left.subtract(amount));
        } finally {
            log.lock.unlock();
        }
    }

    /**
     * Gives back an amount consumed for this key: the most recent consumption of exactly this amount by the
     * calling thread, or from another thread the oldest consumption of this amount in the window (which never
     * lets more through than the limit). An amount whose consumption has already left the window is gone
     * with it: nothing to give back.
     *
     * @return whether a consumption of this amount was found and given back
     */
    public boolean refund(Object key, BigDecimal amount) {
        requireAmount(amount);
        if (amount.signum() == 0) {
            return true;
        }
        SlidingLog log = logs.lockIfPresent(key);
        if (log == null) {
            return false;
        }
        try {
            return log.giveBack(Thread.currentThread().getId(), amount);
        } finally {
            log.lock.unlock();
        }
    }

    /** What this key has left in the window ending now. */
    public BigDecimal remaining(Object key) {
        SlidingLog log = logs.lockIfPresent(key);
        if (log == null) {
            return limit;
        }
        try {
            return limit.subtract(log.total());
        } finally {
            log.lock.unlock();
        }
    }

    public BigDecimal limit() {
        return limit;
    }

    /** How many keys have state now; keys whose consumptions have all expired are evicted. */
    int keyCount() {
        return logs.keyCount();
    }

    /** Evicts idle keys now (normally done by calls as they come, at least once per window). */
    void evictIdleKeys() {
        logs.sweep();
    }

    private static void requireAmount(BigDecimal amount) {
        Objects.requireNonNull(amount, "budget amount is null");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("budget amount must not be negative, was " + amount.toPlainString());
        }
    }
}
