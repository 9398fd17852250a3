package dev.veto.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.veto.Tool;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as ./demo.sh runs it: a forked JVM with {@code -javaagent:} on the built agent jar, the seed
 * policy with its approval timeouts cut to 3s, and the transcript's key lines checked.
 */
class DemoTranscriptIT {

    private static final Path SEED = Path.of("..", "policies", "support-agent.yaml");
    private static final String JAVA_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

    @TempDir
    Path dir;

    private record Run(int exitCode, String transcript, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + transcript + "\n--- stderr\n" + err;
        }
    }

    private Run demo(String java, String mode) throws Exception {
        Path policy = dir.resolve("support-agent.demo.yaml");
        Files.writeString(policy, Files.readString(SEED).replaceAll("(?m)^( *timeout: )[0-9]+m$", "$13s"));
        // as demo.sh runs it: held calls go to the reviewer page only, where nobody answers
        Process process = start(java, policy, mode, List.of("-Dveto.approval.default=http"), List.of());
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the demo finishes");
        return finished(process, mode);
    }

    /** The demo as {@code ./demo.sh --interactive} runs it, but with the reviewer page as the only channel. */
    @Test
    void interactiveModeLetsTheReviewerAnswerAndNoGrantLiftsTheBudget() throws Exception {
        Process process = start(defaultJava(), SEED.toAbsolutePath(), "enforce",
                List.of("-Dveto.approval.default=http", "-Dveto.approval.http.token=" + ReviewerClient.TOKEN),
                List.of("--interactive"));
        try {
            ReviewerClient reviewer = ReviewerClient.fromAgentBanner(dir.resolve("enforce.err"));
            String held = reviewer.awaitPendingCall("issue_refund");
            assertTrue(held.contains("\"amount\":50000"), held);
            assertEquals(200, reviewer.approve(held, "it-supervisor"));
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the demo finishes");
        } finally {
            process.destroyForcibly();
        }
        Run run = finished(process, "enforce");
        String t = run.transcript();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(t.contains("veto    : approval LIMIT_REACHED by it-supervisor -> DENY: granted by it-supervisor, but budget of rule"
                + " refund-limits exceeded"), run::toString);
        assertFalse(t.contains("refunded $50000"), run::toString);
        assertTrue(t.contains("RESULT: the database is intact; 20 refunds issued, none over the limits."), run::toString);
    }

    private Process start(String java, Path policy, String mode, List<String> properties, List<String> arguments)
            throws Exception {
        String agent = Path.of(System.getProperty("veto.it.agentJar")).toAbsolutePath().toString();
        String classPath = location(SupportAgentDemo.class) + File.pathSeparator + location(Tool.class);
        List<String> command = new ArrayList<>(List.of(java,
                "-javaagent:" + agent + "=policy=" + policy + ",mode=" + mode + ",log=" + dir.resolve(mode + ".jsonl")));
        command.addAll(properties);
        command.addAll(List.of("-Dslf4j.internal.verbosity=ERROR", "-cp", classPath, SupportAgentDemo.class.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve(mode + ".out").toFile()).redirectError(dir.resolve(mode + ".err").toFile())
                .start();
    }

    private Run finished(Process process, String mode) throws Exception {
        return new Run(process.exitValue(), Files.readString(dir.resolve(mode + ".out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve(mode + ".err"), StandardCharsets.UTF_8));
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String defaultJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void enforceModeStopsTheInjectedRefundAndTheDropsAndTheRateLimitHolds() throws Exception {
        assertEnforced(demo(defaultJava(), "enforce"));
    }

    @Test
    void enforceModeOnJava25() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(JAVA_25)), "Java 25 is installed");
        assertEnforced(demo(JAVA_25, "enforce"));
    }

    private static void assertEnforced(Run run) {
        String t = run.transcript();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(t.contains("Protected by: Veto agent, policy "), run::toString);
        // scene 1: the normal refund runs
        assertTrue(t.contains("""
                model   > calls issue_refund(order_id=A-1001, amount=45)
                veto    : ALLOW (rule refund-limits): Refunds are limited by the agent's role
                tool    : refunded $45 to order A-1001
                """), run::toString);
        // scene 2: the injected $50,000 is held for a supervisor, nobody answers, the escalation denies it and
        // the model is told; the refund never runs
        assertTrue(t.contains("""
                model   > calls issue_refund(order_id=A-1002, amount=50000)
                veto    : HOLD for approval (rule refund-limits): Refunds above 200 need a supervisor's approval for L1 support
                """), run::toString);
        assertTrue(t.contains("veto    : approval TIMED_OUT by escalation -> DENY"), run::toString);
        assertTrue(t.contains("refusal : Tool call 'issue_refund' was denied by policy (rule refund-limits): Refunds above 200"), run::toString);
        assertFalse(t.contains("refunded $50000"), run::toString);
        // scene 3: L2 within its limit
        assertTrue(t.contains("tool    : refunded $1500 to order A-1003"), run::toString);
        // scene 4: the drift into DROP DATABASE is denied three ways, and nothing destructive ran
        assertTrue(t.contains("""
                model   > calls execute_sql(query=DROP DATABASE support)
                veto    : DENY (rule no-schema-changes): Schema changes and grants are never run by an agent
                refusal : Tool call 'execute_sql' was denied by policy (rule no-schema-changes)"""), run::toString);
        assertTrue(t.contains("veto    : DENY (rule never-delete-database): Deleting a database is never an agent's call"), run::toString);
        assertTrue(t.contains("veto    : DENY (rule never-drop-tables): Dropping tables is never an agent's call"), run::toString);
        assertFalse(t.contains("(!!"), run::toString);
        // scene 5: the 21st refund in the hour is over the rate limit
        assertTrue(t.contains("""
                   (refund #21 this hour)
                model   > calls issue_refund(order_id=A-2021, amount=20)
                veto    : DENY (rule refund-limits)"""), run::toString);
        assertTrue(t.contains("RESULT: the database is intact; 20 refunds issued, none over the limits."), run::toString);
    }

    @Test
    void shadowModeRunsEverythingAndShowsWhatEnforceWouldHaveDone() throws Exception {
        Run run = demo(defaultJava(), "shadow");
        String t = run.transcript();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(t.contains("veto    : shadow mode, enforce would HOLD for approval (rule refund-limits)"), run::toString);
        assertTrue(t.contains("tool    : refunded $50000 to order A-1002"), run::toString);
        assertTrue(t.contains("veto    : shadow mode, enforce would DENY (rule no-schema-changes)"), run::toString);
        assertTrue(t.contains("tool    : executed: DROP DATABASE support"), run::toString);
        assertTrue(t.contains("RESULT: shadow mode ran every call"), run::toString);
    }
}
