package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher's looks, driven by the test (its own thread waits an hour between looks): a change is handed on
 * once the file has held still for one look, whatever its time and size say.
 */
class PolicyFileWatcherTest {

    private static final Duration NEVER_ON_ITS_OWN = Duration.ofHours(1);

    @Test
    void aSaveThatKeepsTheSizeAndTheTimestampIsHandedOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "limit: 200\n");
        FileTime stamp = Files.getLastModifiedTime(file);
        AtomicInteger changes = new AtomicInteger();
        try (PolicyFileWatcher watcher = new PolicyFileWatcher(file, NEVER_ON_ITS_OWN, changes::incrementAndGet, () -> false)) {
            // tightened within one tick of the file system's clock: the same size, the same time
            Files.writeString(file, "limit: 100\n");
            Files.setLastModifiedTime(file, stamp);

            assertFalse(watcher.look(), "the first look sees the change and waits for it to hold still");
            assertTrue(watcher.look(), "the second look hands it on");
            assertEquals(1, changes.get());
            assertFalse(watcher.look(), "handed on once");
            assertEquals(1, changes.get());
        }
    }

    @Test
    void aFileCaughtHalfWrittenIsNotHandedOnUntilItHoldsStill(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        String whole = "rules:\n  - {tool: ping, action: allow}\n  - {tool: drop_table, action: deny}\n";
        Files.writeString(file, "rules: []\n");
        AtomicInteger changes = new AtomicInteger();
        try (PolicyFileWatcher watcher = new PolicyFileWatcher(file, NEVER_ON_ITS_OWN, changes::incrementAndGet, () -> false)) {
            // a writer that truncates and writes in pieces: its first piece alone is a valid policy without the deny
            Files.writeString(file, whole.substring(0, whole.indexOf("  - {tool: drop_table")));
            assertFalse(watcher.look());
            Files.writeString(file, whole);
            assertFalse(watcher.look(), "still changing: the half-written content was never handed on");
            assertEquals(0, changes.get());
            assertTrue(watcher.look());
            assertEquals(1, changes.get());
        }
    }

    @Test
    void aChangeUndoneBeforeItHeldStillIsNotHandedOn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "name: a\n");
        AtomicInteger changes = new AtomicInteger();
        try (PolicyFileWatcher watcher = new PolicyFileWatcher(file, NEVER_ON_ITS_OWN, changes::incrementAndGet, () -> false)) {
            Files.writeString(file, "name: b\n");
            assertFalse(watcher.look());
            Files.writeString(file, "name: a\n");
            assertFalse(watcher.look());
            assertFalse(watcher.look());
            assertEquals(0, changes.get());
        }
    }

    @Test
    void aFileThatGoesAwayIsHandedOnSoTheReloadCanSaySo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "name: a\n");
        AtomicInteger changes = new AtomicInteger();
        try (PolicyFileWatcher watcher = new PolicyFileWatcher(file, NEVER_ON_ITS_OWN, changes::incrementAndGet, () -> false)) {
            Files.delete(file);
            assertFalse(watcher.look());
            assertTrue(watcher.look(), "the reload reports the missing file and keeps the policy in force");
            Files.writeString(file, "name: a\n");
            assertFalse(watcher.look());
            assertTrue(watcher.look(), "back again: handed on");
            assertEquals(2, changes.get());
        }
    }
}
