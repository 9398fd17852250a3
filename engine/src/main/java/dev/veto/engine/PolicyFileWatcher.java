package dev.veto.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Polls a policy file's modification time and size on a daemon thread and calls back when they change.
 * Polling (rather than a WatchService) also sees the rename-over that editors and config managers use,
 * and costs one stat per interval.
 */
final class PolicyFileWatcher implements AutoCloseable {

    private final Path file;
    private final Runnable onChange;
    private final BooleanSupplier staleInForce;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean closed;
    private Object lastSeen;

    /**
     * @param staleInForce asked once, at the first look: whether the policy in force is not the file's
     *                     content. The policy was read before this watcher existed (the agent reads it ahead
     *                     of the engine's start), so a change saved in between has no newer stamp to show.
     */
    PolicyFileWatcher(Path file, Duration interval, Runnable onChange, BooleanSupplier staleInForce) {
        this.file = file;
        this.onChange = onChange;
        this.staleInForce = staleInForce;
        this.lastSeen = stamp();
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
            if (!check() && first) {
                // unchanged since the watcher started; but was the file read before a change saved until then?
                try {
                    if (staleInForce.getAsBoolean()) {
                        onChange.run();
                    }
                } catch (RuntimeException e) {
                    // as in check()
                }
            }
            first = false;
        }
    }

    private record Stamp(FileTime modified, long size) {
    }

    private Object stamp() {
        try {
            return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }

    /** @return whether the file changed (and the callback ran) */
    private boolean check() {
        Object now = stamp();
        if (!Objects.equals(now, lastSeen)) {
            lastSeen = now;
            try {
                onChange.run();
            } catch (RuntimeException e) {
                // the callback logs its own failures; the watcher keeps watching
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
