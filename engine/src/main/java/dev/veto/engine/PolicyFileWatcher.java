package dev.veto.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;

/**
 * Polls a policy file's modification time and size on a daemon thread and calls back when they change.
 * Polling (rather than a WatchService) also sees the rename-over that editors and config managers use,
 * and costs one stat per interval.
 */
final class PolicyFileWatcher implements AutoCloseable {

    private final Path file;
    private final Runnable onChange;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean closed;
    private Object lastSeen;

    PolicyFileWatcher(Path file, Duration interval, Runnable onChange) {
        this.file = file;
        this.onChange = onChange;
        this.lastSeen = stamp();
        this.intervalMillis = Math.max(10, interval.toMillis());
        // A plain thread rather than a scheduled executor: this starts while the agent's first governed call
        // may be waiting for the engine, and the executor's classes cost milliseconds to load there.
        this.thread = new Thread(this::watch, "veto-policy-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (!closed) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                continue; // close() interrupts; the loop's condition decides
            }
            if (!closed) {
                check();
            }
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

    private void check() {
        Object now = stamp();
        if (!Objects.equals(now, lastSeen)) {
            lastSeen = now;
            try {
                onChange.run();
            } catch (RuntimeException e) {
                // the callback logs its own failures; the watcher keeps watching
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
