package dev.veto.engine.approval;

import dev.veto.engine.Approval;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The outcomes of the last {@code capacity} ended decisions, so that a late answer is told "already
 * resolved" rather than "unknown". Every held call passes through here when it ends, from any thread, so it
 * takes no lock.
 *
 * <p>A ring: each ending takes the next slot and overwrites the oldest outcome. Endings are frequent and
 * must be cheap; look-ups are rare (an answer for a call no longer held), so they scan. A hash map made each
 * ending touch memory long out of the CPU's caches (its table slot, the entry it had to compare, the entry
 * it evicted): on the 1,000-rule benchmark that was a quarter of a held call's time. Here an ending writes
 * two slots next to the previous ending's, and a look-up compares the ids' hashes in one {@code int} array
 * (about 40 KB for 10,000) and reads an id only where its hash matches.
 */
final class RecentOutcomes {

    private record Ended(String decisionId, Approval approval) {
    }

    private final AtomicLong endings = new AtomicLong();
    private final AtomicIntegerArray hashes;
    private final AtomicReferenceArray<Ended> slots;

    RecentOutcomes(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.hashes = new AtomicIntegerArray(capacity);
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    /** Remembers how a decision ended; each decision id ends once (the registry sees to that). */
    void put(String decisionId, Approval approval) {
        int slot = (int) (endings.getAndIncrement() % slots.length());
        // the outcome first: a reader that matches the hash then finds this outcome, or a later one whose
        // id does not match (this one was overwritten, so it is forgotten anyway). Release stores suffice
        // for that order (the reader's reads are volatile) and spare the ending two full fences.
        slots.setRelease(slot, new Ended(decisionId, approval));
        hashes.setRelease(slot, decisionId.hashCode());
    }

    /** How the decision ended, or null when it did not end within the last {@code capacity} endings. */
    Approval get(String decisionId) {
        int hash = decisionId.hashCode();
        int length = hashes.length();
        for (int slot = 0; slot < length; slot++) {
            if (hashes.get(slot) == hash) {
                Ended ended = slots.get(slot);
                if (ended != null && ended.decisionId().equals(decisionId)) {
                    return ended.approval();
                }
            }
        }
        return null;
    }

    boolean contains(String decisionId) {
        return get(decisionId) != null;
    }
}
