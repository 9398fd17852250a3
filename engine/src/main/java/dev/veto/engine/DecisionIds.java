package dev.veto.engine;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decision ids: random version-4 UUIDs drawn from {@link ThreadLocalRandom}, which is contention-free on the
 * hot path ({@link UUID#randomUUID()} takes a lock on a shared SecureRandom). They identify decisions; they
 * are not secrets (approval channels authenticate reviewers themselves).
 */
final class DecisionIds {

    private DecisionIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
