package dev.veto.engine;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decision ids: random version-4 UUIDs drawn from {@link ThreadLocalRandom}, which is contention-free on the
 * hot path ({@link UUID#randomUUID()} takes a lock on a shared SecureRandom). They identify decisions; they
 * are not secrets (approval channels authenticate reviewers themselves). Their text is the UUID's canonical
 * lower-case form; {@link Decision} draws the two halves with the decision and writes the text when it is
 * first read.
 */
final class DecisionIds {

    private DecisionIds() {
    }

    /** A new id's text. */
    static String next() {
        return text(high(), low());
    }

    /** A random high half with the version (4) set. */
    static long high() {
        return (ThreadLocalRandom.current().nextLong() & ~0xF000L) | 0x4000L;
    }

    /** A random low half with the IETF variant (10xx) set. */
    static long low() {
        return (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    }

    /** The id's text: the JDK's UUID formatting (faster than a table of hex pairs here, on JDK 17). */
    static String text(long high, long low) {
        return new UUID(high, low).toString();
    }
}
