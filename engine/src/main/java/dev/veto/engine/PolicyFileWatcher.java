package dev.veto.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Polls a policy file on a daemon thread and calls back when its content changes. Each look reads the file
 * and compares its bytes with those last handed on, rather than its modification time and size: a save
 * that keeps the size within one tick of the file system's clock would leave those unchanged, and the
 * edit would never be put in force. A change is handed on once the file has held still for one interval,
 * so a file caught half-written (a writer that truncates and writes in pieces) is never loaded, even where
 * its first part is a valid policy without the rules that follow. A policy is kilobytes: reading it once an
 * interval (a second by default) costs microseconds. Polling, rather than a WatchService, also sees the
 * rename-over and symbolic-link swaps that editors, config managers and Kubernetes use.
 */
final class PolicyFileWatcher implements AutoCloseable {

    /** The content of a file that cannot be read (missing, a directory, no permission). */
    private static final byte[] UNREADABLE = new byte[0];
    /**
     * Files larger than this are told apart by their time and size, not read: the most bytes a policy the
     * loader accepts can have (3,145,728 characters of at most 4 bytes each), so any policy that could load
     * is compared byte for byte.
     */
    private static final long LARGEST_COMPARED = 4L * 3_145_728;

    private final Path file;
    private final Runnable onChange;
    private final BooleanSupplier staleInForce;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean closed;
    /** The content last handed on (or seen when the watcher started). */
    private byte[] handedOn;
    /** A new content seen at the last look, waiting to hold still; null when there is none. */
    private byte[] settling;

    /**
     * @param staleInForce asked once, at the first look: whether the policy in force is not the file's
     *                     content. The policy was read before this watcher existed (the agent reads it ahead
     *                     of the engine's start), so a change saved in between is already in the content
     *                     this watcher starts from.
     */
    PolicyFileWatcher(Path file, Duration interval, Runnable onChange, BooleanSupplier staleInForce) {
        this.file = file;
        this.onChange = onChange;
        this.staleInForce = staleInForce;
        this.handedOn = content();
        this.intervalMillis = Math.max(10, interval.toMillis());
        // A plain thread rather than a scheduled executor: this starts while the agent's first governed call
        // may be waiting for the engine, and the executor's classes cost milliseconds to load there.
        this.thread = new Thread(this::watch, "veto-policy-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        boolean first = true;
        while (!closed) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                continue; // close() interrupts; the loop's condition decides
            }
            if (closed) {
                break;
            }
            if (!look() && first && settling == null) {
                // unchanged since the watcher started; but was the file read before a change saved until then?
                try {
                    if (staleInForce.getAsBoolean()) {
                        onChange.run();
                    }
                } catch (RuntimeException e) {
                    // as in look()
                }
            }
            first = false;
        }
    }

    private byte[] content() {
        try {
            long size = Files.size(file);
            if (size > LARGEST_COMPARED) {
                // too large to be a policy (the reload refuses it, saying so): its stamp stands for its content
                return (size + "@" + Files.getLastModifiedTime(file)).getBytes(StandardCharsets.UTF_8);
            }
            return Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return UNREADABLE;
        }
    }

    /**
     * One look at the file (the watcher's thread calls it once an interval; package-private so that tests can
     * look when they choose).
     *
     * @return whether the content changed and held still since the last look, and the callback ran
     */
    boolean look() {
        byte[] now = content();
        if (Arrays.equals(now, handedOn)) {
            settling = null; // changed and changed back: nothing to hand on
            return false;
        }
        if (settling == null || !Arrays.equals(now, settling)) {
            settling = now; // changed since the last look: wait until it holds still
            return false;
        }
        handedOn = now;
        settling = null;
        try {
            onChange.run();
        } catch (RuntimeException e) {
            // the callback logs its own failures; the watcher keeps watching
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
