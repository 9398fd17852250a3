package dev.veto.engine.limit;

import java.math.BigDecimal;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One key's grants inside the sliding window, oldest first: when each was granted, by which thread, and
 * (for a budget) how much. Every method is called with {@link #lock} held; {@link SlidingLogs} sees to that.
 *
 * <p>Storage is a ring that starts small and doubles as needed, so a key that is used once costs a few
 * dozen bytes however large the limit is.
 */
final class SlidingLog {

    private static final int INITIAL_CAPACITY = 4;

    final ReentrantLock lock = new ReentrantLock();

    /** Set (under the lock) when the log was dropped from its map; whoever holds a stale reference retries. */
    boolean retired;

    /** The clock's reading taken under the lock by the current holder. */
    long now;

    private long[] stamps = new long[INITIAL_CAPACITY];
    private long[] threads = new long[INITIAL_CAPACITY];
    private BigDecimal[] amounts; // null for a rate limit: every grant counts one
    private int head;
    private int size;
    private BigDecimal total = BigDecimal.ZERO;

    SlidingLog(boolean weighted) {
        this.amounts = weighted ? new BigDecimal[INITIAL_CAPACITY] : null;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The sum of the amounts in the window (budgets only). */
    BigDecimal total() {
        return total;
    }

    /** Drops grants whose window has passed: granted at {@code t}, a grant counts while {@code now - t < window}. */
    void expire(long now, long windowNanos) {
        while (size > 0 && now - stamps[head] >= windowNanos) {
            removeAt(0);
        }
    }

    void append(long stamp, long thread, BigDecimal amount) {
        if (size == stamps.length) {
            grow();
        }
        int slot = physical(size);
        stamps[slot] = stamp;
        threads[slot] = thread;
        if (amounts != null) {
            amounts[slot] = amount;
            total = total.add(amount);
        }
        size++;
    }

    /**
     * Gives back one grant: the newest one taken by {@code thread} (with this amount, for a budget), which
     * is the grant the caller just took when it gives back on the thread that took. When that thread holds
     * none here, the OLDEST matching grant goes: removing an older stamp than the caller's own can only make
     * the log count more in every later window, never less, so the limit still holds exactly.
     *
     * @return whether a grant was given back
     */
    boolean giveBack(long thread, BigDecimal amount) {
        for (int i = size - 1; i >= 0; i--) {
            int slot = physical(i);
            if (threads[slot] == thread && sameAmount(slot, amount)) {
                removeAt(i);
                return true;
            }
        }
        for (int i = 0; i < size; i++) {
            if (sameAmount(physical(i), amount)) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    private boolean sameAmount(int slot, BigDecimal amount) {
        return amounts == null || amounts[slot].compareTo(amount) == 0;
    }

    private void removeAt(int index) {
        int removed = physical(index);
        if (amounts != null) {
            total = total.subtract(amounts[removed]);
        }
        if (index == 0) {
            if (amounts != null) {
                amounts[removed] = null;
            }
            head = physical(1);
        } else {
            // Close the gap by moving the newer grants one place towards the head (few: a give-back is of
            // a recent grant).
            for (int i = index; i < size - 1; i++) {
                int to = physical(i);
                int from = physical(i + 1);
                stamps[to] = stamps[from];
                threads[to] = threads[from];
                if (amounts != null) {
                    amounts[to] = amounts[from];
                }
            }
            if (amounts != null) {
                amounts[physical(size - 1)] = null;
            }
        }
        size--;
        if (size == 0) {
            head = 0;
        }
    }

    private int physical(int index) {
        return (head + index) & (stamps.length - 1);
    }

    private void grow() {
        int capacity = stamps.length * 2;
        long[] biggerStamps = new long[capacity];
        long[] biggerThreads = new long[capacity];
        BigDecimal[] biggerAmounts = amounts == null ? null : new BigDecimal[capacity];
        for (int i = 0; i < size; i++) {
            int slot = physical(i);
            biggerStamps[i] = stamps[slot];
            biggerThreads[i] = threads[slot];
            if (biggerAmounts != null) {
                biggerAmounts[i] = amounts[slot];
            }
        }
        stamps = biggerStamps;
        threads = biggerThreads;
        amounts = biggerAmounts;
        head = 0;
    }
}
