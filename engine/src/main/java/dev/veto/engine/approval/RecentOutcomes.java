package dev.veto.engine.approval;

import dev.veto.engine.Approval;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outcomes of the last {@code capacity} ended decisions, so that a late answer is told "already
 * resolved" rather than "unknown". Every held call passes through here when it ends, from any thread, so it
 * takes no lock: a concurrent map for the look-ups and a queue of ids in the order they ended for the
 * eviction. Under concurrent endings it can hold a few more than {@code capacity} for a moment.
 */
final class RecentOutcomes {

    private final int capacity;
    private final Map<String, Approval> outcomes = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    RecentOutcomes(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers how a decision ended; each decision id ends once (the registry sees to that). */
    void put(String decisionId, Approval approval) {
        if (outcomes.put(decisionId, approval) != null) {
            return; // already remembered: the queue has it
        }
        order.add(decisionId);
        if (size.incrementAndGet() > capacity) {
            String eldest = order.poll();
            if (eldest != null) {
                outcomes.remove(eldest);
                size.decrementAndGet();
            }
        }
    }

    Approval get(String decisionId) {
        return outcomes.get(decisionId);
    }

    boolean contains(String decisionId) {
        return outcomes.containsKey(decisionId);
    }
}
