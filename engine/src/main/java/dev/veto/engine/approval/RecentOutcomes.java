package dev.veto.engine.approval;

import dev.veto.engine.Approval;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outcomes of at least the last {@code capacity} ended decisions (at most twice as many), so that a late
 * answer is told "already resolved" rather than "unknown". Every held call passes through here when it
 * ends, from any thread, so it takes no lock.
 *
 * <p>Outcomes are kept in two generations: a full current generation becomes the previous one and the
 * oldest is dropped whole. Evicting one entry per put, as an insertion-ordered queue does, touches the
 * entry that ended {@code capacity} calls ago, which is long out of the CPU's caches: on the 1,000-rule
 * benchmark that eviction was a quarter of a held call's time. Dropping a generation costs the caller
 * nothing; the garbage collector reclaims it.
 *
 * <p>A put that races with the change of generation may land in the generation that just became the
 * previous one; it is then remembered for {@code capacity} further endings rather than up to twice that.
 */
final class RecentOutcomes {

    private final int capacity;
    private volatile Generations generations;

    /** {@code filled} counts the outcomes put into {@code current}. */
    private record Generations(ConcurrentHashMap<String, Approval> current,
            ConcurrentHashMap<String, Approval> previous, AtomicInteger filled) {
    }

    RecentOutcomes(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.generations = new Generations(newGeneration(), new ConcurrentHashMap<>(), new AtomicInteger());
    }

    /** Remembers how a decision ended; each decision id ends once (the registry sees to that). */
    void put(String decisionId, Approval approval) {
        Generations now = generations;
        if (now.current().putIfAbsent(decisionId, approval) == null
                && now.filled().incrementAndGet() == capacity) {
            // exactly one put sees the count reach the capacity, so exactly one starts the next generation
            generations = new Generations(newGeneration(), now.current(), new AtomicInteger());
        }
    }

    Approval get(String decisionId) {
        Generations now = generations;
        Approval approval = now.current().get(decisionId);
        return approval != null ? approval : now.previous().get(decisionId);
    }

    boolean contains(String decisionId) {
        return get(decisionId) != null;
    }

    /** Sized so that a generation never resizes while it fills. */
    private ConcurrentHashMap<String, Approval> newGeneration() {
        return new ConcurrentHashMap<>(capacity);
    }
}
