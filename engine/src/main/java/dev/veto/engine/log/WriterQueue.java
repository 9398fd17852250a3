package dev.veto.engine.log;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded queue between the threads that append to the decision log and its one writer thread.
 *
 * <p>Putting an item takes no lock and wakes nobody while there is room: a permit of a semaphore (the room
 * left) and a lock-free queue, two compare-and-sets. A {@code LinkedBlockingQueue} signals its consumer on
 * every put into an empty queue, which at an ordinary rate of calls is every put: a lock the writer may
 * hold, and a system call to wake it. Here the writer looks for work on its own (see
 * {@link JsonlDecisionLog}); a put that finds the queue full wakes it, then waits for room.
 */
final class WriterQueue {

    private final Queue<Object> items = new ConcurrentLinkedQueue<>();
    private final Semaphore room;
    private final Thread writer;

    WriterQueue(int capacity, Thread writer) {
        this.room = new Semaphore(capacity);
        this.writer = writer;
    }

    /** Adds the item; while the queue is full, waits for room, through interrupts (a record is never lost). */
    void put(Object item) {
        if (!room.tryAcquire()) {
            LockSupport.unpark(writer);
            room.acquireUninterruptibly(); // keeps the thread's interrupt status for its caller
        }
        items.add(item);
    }

    /** Wakes the writer now rather than at its next look (for an item someone is waiting on). */
    void wakeWriter() {
        LockSupport.unpark(writer);
    }

    /** Moves up to {@code max} items, oldest first, into {@code batch}; on the writer thread only. */
    void drainTo(List<Object> batch, int max) {
        int taken = 0;
        Object item;
        while (taken < max && (item = items.poll()) != null) {
            batch.add(item);
            taken++;
        }
        if (taken > 0) {
            room.release(taken);
        }
    }
}
