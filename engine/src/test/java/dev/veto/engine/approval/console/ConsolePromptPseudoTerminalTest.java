package dev.veto.engine.approval.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console prompt on a real terminal: {@link ConsolePromptFixture} runs in a tmux pane (a pseudo-
 * terminal) with its stdout redirected to a file, and this test, a second process, reads the screen and
 * types the answers.
 */
class ConsolePromptPseudoTerminalTest {

    @TempDir
    Path dir;

    /** A tmux server of this test's own, its socket in the temporary directory. */
    private String socket() {
        return dir.resolve("tmux.sock").toString();
    }

    @AfterEach
    void killTmux() throws Exception {
        run(List.of("tmux", "-S", socket(), "kill-server"));
    }

    @Test
    void thePromptAppearsOnTheTerminalAndTypedAnswersDecideEachCallInTurn() throws Exception {
        Assumptions.assumeTrue(tmuxInstalled(),
                "SKIPPED: tmux is not installed (scripts/install-test-deps.sh installs it where apt-get works)");
        Path out = dir.resolve("outcomes.txt");
        Path stdout = dir.resolve("stdout.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = quote(java) + " -cp " + quote(System.getProperty("java.class.path")) + " "
                + ConsolePromptFixture.class.getName() + " " + quote(out.toString())
                + " > " + quote(stdout.toString()) + " 2> " + quote(dir.resolve("stderr.txt").toString())
                + "; echo \"fixture exited with $?\"; sleep 600";   // the pane stays, so a failure can be read
        assertEquals(0, run(List.of("tmux", "-S", socket(), "new-session", "-d", "-s", "veto", "-x", "160", "-y", "50",
                command)), "tmux could not start the fixture");

        String screen = waitForScreen(s -> s.contains("=== Approval needed: first ===") && s.contains("[d]eny"));
        assertTrue(screen.contains("tool:      issue_refund"), screen);
        assertTrue(screen.contains("\"amount\" : 450"), screen);
        assertFalse(screen.contains("=== Approval needed: second ==="), "one prompt at a time:\n" + screen);
        sendLine("a customer verified by phone");

        screen = waitForScreen(s -> s.contains("=== Approval needed: second ===") && s.contains("Approved."));
        assertTrue(screen.contains("\"amount\" : 3900"), screen);
        sendLine("d over the daily budget");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(out) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(out), "the fixture did not finish; screen:\n" + capture());
        assertEquals(List.of(
                "first|GRANTED|pty-reviewer|customer verified by phone",
                "second|DENIED|pty-reviewer|over the daily budget"), Files.readAllLines(out));
        String redirected = Files.readString(stdout);
        assertEquals("fixture started\n", redirected, "the prompt went to the terminal, not to redirected stdout");
    }

    @Test
    void withoutAControllingTerminalEveryCallIsDecidedAtOnceByItsEscalation() throws Exception {
        Assumptions.assumeTrue(run(List.of("sh", "-c", "command -v setsid")) == 0, "SKIPPED: setsid is not installed");
        Path out = dir.resolve("outcomes.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // setsid: a new session with no controlling terminal, as a service or a CI job runs.
        Process fixture = new ProcessBuilder("setsid", java, "-cp", System.getProperty("java.class.path"),
                ConsolePromptFixture.class.getName(), out.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        assertTrue(fixture.waitFor(60, TimeUnit.SECONDS), "the held calls should not wait for their 2-minute timeout");
        List<String> outcomes = Files.readAllLines(out);
        assertEquals(2, outcomes.size());
        for (String line : outcomes) {
            assertTrue(line.matches("(first|second)\\|CHANNEL_UNAVAILABLE\\|escalation\\|no approval channel can reach a "
                    + "reviewer \\(console: no terminal \\(.*\\)\\); escalation: deny"), line);
        }
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("veto: approvals: console channel: no terminal"));
    }

    private static boolean tmuxInstalled() {
        try {
            return run(List.of("tmux", "-V")) == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void sendLine(String text) throws Exception {
        run(List.of("tmux", "-S", socket(), "send-keys", "-t", "veto", "-l", text));
        run(List.of("tmux", "-S", socket(), "send-keys", "-t", "veto", "Enter"));
    }

    private String waitForScreen(Predicate<String> ready) throws Exception {
        // Generous: on a loaded machine starting a JVM in the pane can take long.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = capture();
            if (ready.test(screen)) {
                return screen;
            }
            Thread.sleep(100);
        }
        Path stderr = dir.resolve("stderr.txt");
        throw new AssertionError("the terminal never showed what was expected; it shows:\n" + screen
                + "\nthe fixture's stderr:\n" + (Files.exists(stderr) ? Files.readString(stderr) : "(none)"));
    }

    private String capture() throws Exception {
        Process p = new ProcessBuilder("tmux", "-S", socket(), "capture-pane", "-p", "-J", "-S", "-200", "-t", "veto")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return text;
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
