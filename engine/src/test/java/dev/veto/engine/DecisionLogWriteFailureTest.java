package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.log.JsonlDecisionLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A decision log whose file cannot be written (a full disk: {@code /dev/full} fails every write with "No
 * space left on device"): no line is lost, since what cannot reach the file goes to stderr, and no
 * governed call runs unrecorded, as when the log cannot be opened.
 */
class DecisionLogWriteFailureTest {

    private static final String POLICY = """
            name: full-disk
            default_action: deny
            rules:
              - id: lookups
                tool: lookup_order
                action: allow
            """;

    @Test
    void whileTheLogCannotBeWrittenCallsAreDeniedAndEveryLineReachesStderr() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "SKIPPED: no /dev/full on this system");
        ByteArrayOutputStream problemText = new ByteArrayOutputStream();
        PrintStream problems = new PrintStream(problemText, true, StandardCharsets.UTF_8);
        JsonlDecisionLog log = JsonlDecisionLog.open(full, 1024, problems);
        List<Decision> decisions = new ArrayList<>();
        try (Veto veto = Veto.builder().policyText(POLICY).decisionLog(log).build()) {
            decisions.add(veto.protect("lookup_order", Map.of("order_id", "A-1"), Map.of()));
            assertEquals(Action.ALLOW, decisions.get(0).action(), "nothing has failed yet");
            log.flush();   // the writer meets the full disk

            Decision later = veto.protect("lookup_order", Map.of("order_id", "A-2"), Map.of());
            decisions.add(later);
            assertEquals(Action.DENY, later.action(), "a call ran while its decision could not be recorded");
            assertTrue(later.reason().contains("the decision log cannot be written")
                    && later.reason().contains("No space left on device"), later.reason());
        }
        String stderr = problemText.toString(StandardCharsets.UTF_8);
        // marked as the agent marks its errors, so that whoever watches stderr for "veto: ERROR" sees it
        assertTrue(stderr.contains("veto: ERROR: decision log /dev/full: writing failed"), stderr);
        for (Decision decision : decisions) {
            assertTrue(stderr.contains("\"decision_id\":\"" + decision.id() + "\""),
                    "the line of " + decision.id() + " reached neither the file nor stderr:\n" + stderr);
        }
    }

    @Test
    void aGrantThatArrivesWhileTheLogCannotBeWrittenDoesNotLetTheCallRun() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "SKIPPED: no /dev/full on this system");
        ByteArrayOutputStream problemText = new ByteArrayOutputStream();
        JsonlDecisionLog log = JsonlDecisionLog.open(full, 1024,
                new PrintStream(problemText, true, StandardCharsets.UTF_8));
        try (Veto veto = Veto.builder().policyText("""
                name: held-on-a-full-disk
                rules:
                  - id: refunds
                    tool: issue_refund
                    action: require_approval
                """).decisionLog(log).build()) {
            Decision held = veto.protect("issue_refund", Map.of("amount", 500), Map.of());
            assertEquals(Action.APPROVAL_REQUIRED, held.action(), "nothing has failed yet");
            log.flush();   // the writer meets the full disk while the call waits for its reviewer

            veto.approvals().resolve(held.id(), true, "sam", "looks fine");
            Approval ended = veto.waitForApproval(held.id(), held.approvalTimeout());
            assertEquals(false, ended.granted(), "a granted call ran while its ending could not be recorded: " + ended);
            assertEquals(Approval.Outcome.LOG_UNAVAILABLE, ended.outcome());
            assertTrue(ended.reason().startsWith("granted by sam, but the decision log cannot be written"),
                    ended.reason());
            log.flush();
            String stderr = problemText.toString(StandardCharsets.UTF_8);
            assertTrue(stderr.contains("\"kind\":\"approval\"") && stderr.contains("LOG_UNAVAILABLE"),
                    "the approval line reached neither the file nor stderr:\n" + stderr);
        }
    }

    @Test
    void aCallMadeAfterTheLogClosedIsDenied(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // The JVM's shutdown closes the log (its own hook) while the application's threads, and its own
        // shutdown hooks, may still call tools: their decisions can no longer be written.
        ByteArrayOutputStream problemText = new ByteArrayOutputStream();
        JsonlDecisionLog log = JsonlDecisionLog.open(dir.resolve("d.jsonl"), 1024,
                new PrintStream(problemText, true, StandardCharsets.UTF_8));
        try (Veto veto = Veto.builder().policyText(POLICY).decisionLog(log).build()) {
            assertEquals(Action.ALLOW, veto.protect("lookup_order", Map.of("order_id", "A-1"), Map.of()).action());
            log.close();
            Decision late = veto.protect("lookup_order", Map.of("order_id", "A-2"), Map.of());
            assertEquals(Action.DENY, late.action(), "a call ran after its decision log closed");
            assertTrue(late.reason().contains("closed"), late.reason());
            assertTrue(problemText.toString(StandardCharsets.UTF_8).contains(late.id()),
                    "the late decision is still reported on stderr");
        }
    }

    @Test
    void aCallStillHeldWhenTheEngineClosesEndsDeniedWithItsApprovalLine(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // The agent closes the engine when the JVM exits: a call still held must not wait on (and its
        // ending must not miss the log), and its decision line must not be left without an ending.
        Path file = dir.resolve("d.jsonl");
        JsonlDecisionLog log = JsonlDecisionLog.open(file, 1024, System.err);
        Veto veto = Veto.builder().policyText("""
                name: held
                rules:
                  - id: big
                    tool: issue_refund
                    action: require_approval
                    approval: {timeout: 10m}
                """).decisionLog(log).build();
        Decision held = veto.protect("issue_refund", Map.of("amount", 500), Map.of());
        assertEquals(Action.APPROVAL_REQUIRED, held.action());
        java.util.concurrent.CompletableFuture<Approval> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> veto.waitForApproval(held.id(), held.approvalTimeout()));
        Thread.sleep(200);
        veto.close();
        Approval ended = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(false, ended.granted(), String.valueOf(ended));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).contains("\"kind\":\"approval\"") && lines.get(1).contains(held.id())
                && lines.get(1).contains("\"action\":\"deny\""), lines.get(1));
    }
}
