package dev.veto.engine.limit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when a test moves it; it also remembers each thread's last reading. */
final class FakeClock implements LongSupplier {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final long tickPerReading;
    private final ThreadLocal<Long> lastReading = new ThreadLocal<>();

    FakeClock() {
        this(0);
    }

    /** A clock that also moves forward by {@code tickPerReading} nanoseconds each time it is read. */
    FakeClock(long tickPerReading) {
        this.tickPerReading = tickPerReading;
    }

    @Override
    public long getAsLong() {
        long reading = nanos.getAndAdd(tickPerReading);
        lastReading.set(reading);
        return reading;
    }

    void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    /** The reading this thread took last: the stamp a limiter gave the thread's latest grant. */
    long lastReadingOnThisThread() {
        return lastReading.get();
    }
}
