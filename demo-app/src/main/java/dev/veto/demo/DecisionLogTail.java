package dev.veto.demo;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows Veto's decision log (JSON Lines) so the transcript can show each decision's rule and reason,
 * also for calls that were allowed or only logged in shadow mode, where the application sees no
 * exception. The log is written off the calling thread, so a line may appear a moment after the call.
 */
final class DecisionLogTail {

    private static final long WAIT_MILLIS = 5_000;

    private final Path file;
    private boolean absent;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    DecisionLogTail(Path file) {
        this.file = file;
    }

    /** Starts after whatever the log holds already (an earlier run's lines are not this run's). */
    void skipExisting() throws IOException {
        offset = Files.exists(file) ? Files.size(file) : 0;
    }

    /**
     * The log lines of the call to {@code tool} that just returned: its decision and, for a held call,
     * how the hold ended. Empty when no line arrived in time (for example when no agent is attached);
     * once the file has failed to appear at all, the tail stops waiting for it.
     */
    List<LoggedDecision> linesFor(String tool) {
        List<LoggedDecision> found = new ArrayList<>();
        if (absent) {
            return found;
        }
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (LoggedDecision line : readNewLines()) {
                if (tool.equals(line.tool())) {
                    found.add(line);
                }
            }
            if (complete(found)) {
                return found;
            }
            pause();
        }
        absent = !Files.exists(file);
        return found;
    }

    Path file() {
        return file;
    }

    private static boolean complete(List<LoggedDecision> found) {
        Optional<LoggedDecision> decision = found.stream().filter(line -> !line.isApproval()).findFirst();
        if (decision.isEmpty()) {
            return false;
        }
        boolean waitsForApproval = decision.get().isHeld() && !decision.get().isShadow();
        return !waitsForApproval || found.stream().anyMatch(LoggedDecision::isApproval);
    }

    private List<LoggedDecision> readNewLines() {
        List<LoggedDecision> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() <= offset) {
                return lines;
            }
            in.seek(offset);
            byte[] bytes = new byte[(int) (in.length() - offset)];
            in.readFully(bytes);
            offset += bytes.length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return lines;
        }
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, end).trim();
            partial.delete(0, end + 1);
            if (!line.isEmpty()) {
                try {
                    lines.add(LoggedDecision.of(JsonLine.parseObject(line)));
                } catch (IllegalArgumentException notJson) {
                    // Not a decision line: the transcript shows what the application saw instead.
                }
            }
        }
        return lines;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
