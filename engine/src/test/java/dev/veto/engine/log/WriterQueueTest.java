package dev.veto.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The decision log's queue: bounded, in order, and a full queue makes the putter wait, never drop. */
class WriterQueueTest {

    @Test
    void itemsComeOutInTheOrderTheyWentIn() {
        WriterQueue queue = new WriterQueue(10, Thread.currentThread());
        for (int i = 0; i < 7; i++) {
            queue.put(i);
        }
        List<Object> batch = new ArrayList<>();
        queue.drainTo(batch, 5);
        assertEquals(List.of(0, 1, 2, 3, 4), batch);
        queue.drainTo(batch, 5);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), batch);
    }

    @Test
    void aPutIntoAFullQueueWaitsForRoomAndWakesTheWriter() throws Exception {
        Thread writer = new Thread(LockSupport::park); // a stand-in writer that ends when it is unparked
        writer.start();
        WriterQueue queue = new WriterQueue(2, writer);
        queue.put("a");
        queue.put("b");
        CountDownLatch third = new CountDownLatch(1);
        Thread putter = new Thread(() -> {
            queue.put("c");
            third.countDown();
        });
        putter.start();
        writer.join(TimeUnit.SECONDS.toMillis(30)); // the full queue unparked the writer
        assertFalse(writer.isAlive(), "the writer was woken");
        assertFalse(third.await(200, TimeUnit.MILLISECONDS), "no room yet, so the put waits");

        List<Object> batch = new ArrayList<>();
        queue.drainTo(batch, 1);
        assertTrue(third.await(30, TimeUnit.SECONDS), "room made, so the put completes");
        queue.drainTo(batch, 10);
        assertEquals(List.of("a", "b", "c"), batch);
    }

    @Test
    void anInterruptedPutterStillPutsAndKeepsItsInterrupt() throws Exception {
        WriterQueue queue = new WriterQueue(1, Thread.currentThread());
        queue.put("first");
        List<Boolean> interruptedAfter = new ArrayList<>();
        Thread putter = new Thread(() -> {
            queue.put("second");
            interruptedAfter.add(Thread.currentThread().isInterrupted());
        });
        putter.start();
        Thread.sleep(100);
        putter.interrupt();
        Thread.sleep(100);
        assertTrue(putter.isAlive(), "an interrupt does not drop the item");
        List<Object> batch = new ArrayList<>();
        queue.drainTo(batch, 1);
        putter.join(TimeUnit.SECONDS.toMillis(30));
        queue.drainTo(batch, 1);
        assertEquals(List.of("first", "second"), batch);
        assertEquals(List.of(true), interruptedAfter);
    }
}
