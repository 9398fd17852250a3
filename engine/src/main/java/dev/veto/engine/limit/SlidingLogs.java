package dev.veto.engine.limit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The sliding logs of every key of one limit, and their eviction. A log is handed out locked, with the
 * clock read under that lock (so stamps within a key never go backwards) and its expired grants dropped.
 *
 * <p>Per-key state stays bounded: when a new key arrives and a window has passed since the last sweep, or
 * the number of keys has doubled since then, the arriving thread sweeps out the logs whose grants have
 * all expired (so the map holds at most about twice the keys active in one window, plus 1024). A swept
 * log is marked retired under its lock and whoever still holds a reference to it retries with a fresh
 * one, so eviction never lets a grant slip past the count.
 */
final class SlidingLogs {

    private static final int MIN_KEYS_BEFORE_SIZE_SWEEP = 1024;

    private final Map<Object, SlidingLog> logs = new ConcurrentHashMap<>();
    private final Function<Object, SlidingLog> newLog;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextSweepAt;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile long sweepAtKeys = MIN_KEYS_BEFORE_SIZE_SWEEP;

    SlidingLogs(Duration window, LongSupplier nanoClock, boolean weighted) {
        Objects.requireNonNull(window, "window");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be longer than 0, was " + window);
        }
        this.windowNanos = window.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.newLog = key -> new SlidingLog(weighted);
        this.nextSweepAt = new AtomicLong(nanoClock.getAsLong() + windowNanos);
    }

    /** The key's log, created if needed, locked by the caller's thread; the caller must {@code unlock()}. */
    SlidingLog lock(Object key) {
        requireKey(key);
        while (true) {
            SlidingLog log = logs.get(key);
            if (log == null) {
                maybeSweep();
                log = logs.computeIfAbsent(key, newLog);
            }
            if (lockLive(log)) {
                return log;
            }
        }
    }

    /** The key's log locked by the caller's thread, or null when the key has no grants in the window. */
    SlidingLog lockIfPresent(Object key) {
        requireKey(key);
        while (true) {
            SlidingLog log = logs.get(key);
            if (log == null) {
                return null;
            }
            if (lockLive(log)) {
                return log;
            }
        }
    }

    /** How many keys have state now (for tests of eviction). */
    int keyCount() {
        return logs.size();
    }

    /** Drops every log whose grants have all expired. */
    void sweep() {
        for (Map.Entry<Object, SlidingLog> entry : logs.entrySet()) {
            SlidingLog log = entry.getValue();
            if (!log.lock.tryLock()) {
                continue; // in use right now, so not idle: next sweep
            }
            try {
                log.expire(nanoClock.getAsLong(), windowNanos);
                if (log.isEmpty() && !log.retired) {
                    log.retired = true;
                    logs.remove(entry.getKey(), log);
                }
            } finally {
                log.lock.unlock();
            }
        }
        sweepAtKeys = Math.max(MIN_KEYS_BEFORE_SIZE_SWEEP, logs.size() * 2);
    }

    private boolean lockLive(SlidingLog log) {
        log.lock.lock();
        if (log.retired) {
            log.lock.unlock();
            return false;
        }
        log.now = nanoClock.getAsLong();
        log.expire(log.now, windowNanos);
        return true;
    }

    /** Called only when a new key arrives: a map that gets no new keys does not grow. */
    private void maybeSweep() {
        long due = nextSweepAt.get();
        long now = nanoClock.getAsLong();
        boolean windowPassed = now - due >= 0 && nextSweepAt.compareAndSet(due, now + windowNanos);
        if ((windowPassed || logs.size() >= sweepAtKeys) && sweeping.compareAndSet(false, true)) {
            try {
                sweep();
            } finally {
                sweeping.set(false);
            }
        }
    }

    private static void requireKey(Object key) {
        if (key == null) {
            throw new NullPointerException(
                    "limit key is null: a per-key limit needs a value (the caller decides what a missing key means)");
        }
    }
}
