package dev.veto.engine.limit;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * At most {@code permits} calls per key in any window of length {@code window}: a sliding log per key, not
 * a fixed bucket, so a burst at the end of one hour and another at the start of the next cannot add up to
 * twice the limit. Exact under any number of threads: each key's log is checked and updated under its own
 * lock, with the clock read under that lock.
 *
 * <p>A key is whatever the limit is counted per (a user id, a tenant) or one constant for a rule-wide limit.
 * Keys are compared with {@code equals}; a null key is refused with a NullPointerException.
 */
public final class RateLimiter {

    private final long permits;
    private final SlidingLogs logs;

    /**
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}, or a fake one in tests)
     */
    public RateLimiter(long permits, Duration window, LongSupplier nanoClock) {
        if (permits <= 0) {
            throw new IllegalArgumentException("permits must be more than 0, was " + permits);
        }
        this.permits = permits;
        this.logs = new SlidingLogs(window, nanoClock, false);
    }

    /** Takes a permit for this key if one is free in the window ending now; false (and nothing taken) if not. */
    public boolean tryAcquire(Object key) {
        SlidingLog log = logs.lock(key);
        try {
            if (log.size() >= permits) {
                return false;
            }
            log.append(log.now, Thread.currentThread().getId(), null);
            return true;
        } finally {
            log.lock.unlock();
        }
    }

    /**
     * Gives back the permit most recently taken for this key by the calling thread: for a call that took a
     * permit and was then refused by another limit. Given back from a different thread, the key's oldest
     * permit in the window goes instead, which never lets more through than the limit.
     *
     * @return whether a permit was given back (false when the key has none in the window)
     */
    public boolean release(Object key) {
        SlidingLog log = logs.lockIfPresent(key);
        if (log == null) {
            return false;
        }
        try {
            return log.giveBack(Thread.currentThread().getId(), null);
        } finally {
            log.lock.unlock();
        }
    }

    /** How many permits this key has taken in the window ending now. */
    public long used(Object key) {
        SlidingLog log = logs.lockIfPresent(key);
        if (log == null) {
            return 0;
        }
        try {
            return log.size();
        } finally {
            log.lock.unlock();
        }
    }

    public long permits() {
        return permits;
    }

    /** How many keys have state now; keys whose permits have all expired are evicted. */
    int keyCount() {
        return logs.keyCount();
    }

    /** Evicts idle keys now (normally done by calls as they come, at least once per window). */
    void evictIdleKeys() {
        logs.sweep();
    }
}
