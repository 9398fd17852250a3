package dev.veto.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls a policy file's modification time and size on a daemon thread and calls back when they change.
 * Polling (rather than a WatchService) also sees the rename-over that editors and config managers use,
 * and costs one stat per interval.
 */
final class PolicyFileWatcher implements AutoCloseable {

    private final Path file;
    private final Runnable onChange;
    private final ScheduledExecutorService timer;
    private Object lastSeen;

    PolicyFileWatcher(Path file, Duration interval, Runnable onChange) {
        this.file = file;
        this.onChange = onChange;
        this.lastSeen = stamp();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "veto-policy-watcher");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(10, interval.toMillis());
        timer.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
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
        timer.shutdownNow();
    }
}
