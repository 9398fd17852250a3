package dev.veto.engine.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Action;
import dev.veto.engine.Approval;
import dev.veto.engine.Decision;
import dev.veto.engine.Veto;
import dev.veto.engine.approval.http.ApiClient;
import dev.veto.engine.approval.http.ApprovalHttpServer;
import dev.veto.engine.log.DecisionLog;
import dev.veto.engine.log.DecisionRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed policy's held refund, end to end through the engine facade and a channel: every way a held
 * call ends is a line in the decision log with the reviewer, the reason and the wait.
 */
class ApprovalOutcomesInTheDecisionLogTest {

    private static final Path SEED = Path.of("..", "policies", "support-agent.yaml");
    private static final Map<String, Object> L1 = Map.of("role", "support_l1", "userId", "u-1",
            "session_token", "secret-session");

    private final List<DecisionRecord> lines = new CopyOnWriteArrayList<>();
    private final DecisionLog log = new DecisionLog() {
        @Override
        public void append(DecisionRecord record) {
            lines.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Veto veto;
    private ApprovalChannels channels;

    private void start(Map<String, String> config) throws Exception {
        veto = Veto.builder().policyFile(SEED).decisionLog(log).build();
        channels = ApprovalChannels.start(veto.approvals(), ApprovalSettings.parse(config),
                new PrintStream(new ByteArrayOutputStream(), true));
    }

    @AfterEach
    void stop() {
        if (channels != null) {
            channels.close();
        }
        if (veto != null) {
            veto.close();
        }
    }

    private DecisionRecord approvalLine(String decisionId) {
        return lines.stream().filter(r -> r.kind().equals("approval") && r.decisionId().equals(decisionId))
                .findFirst().orElseThrow(() -> new AssertionError("no approval line for " + decisionId + " in " + lines));
    }

    @Test
    void aGrantOverHttpRunsTheCallAndIsLoggedWithReviewerReasonAndWait() throws Exception {
        start(Map.of("approval.channels.supervisors", "http", "approval.http.token", "tok"));
        Decision decision = veto.protect("issue_refund", Map.of("order_id", "A-1", "amount", 500), L1);
        assertEquals(Action.APPROVAL_REQUIRED, decision.action());
        CompletableFuture<Approval> waiting = CompletableFuture.supplyAsync(
                () -> veto.waitForApproval(decision.id(), decision.approvalTimeout()));

        ApprovalHttpServer server = channels.httpServer().orElseThrow();
        ApiClient api = new ApiClient(server.url(), "tok");
        var pending = api.get("/api/approvals/" + decision.id());
        assertEquals(200, pending.status());
        assertEquals("supervisors", pending.field("channel"));
        assertFalse(pending.json().toString().contains("secret-session"), "redacted per the policy: " + pending.json());
        String hash = pending.field("arguments_hash");
        assertEquals(200, api.post("/api/approvals/" + decision.id() + "/approve",
                "{\"reviewer\":\"sam\",\"reason\":\"verified\",\"arguments_hash\":\"" + hash + "\"}").status());

        Approval approval = waiting.get(60, TimeUnit.SECONDS);
        assertTrue(approval.granted());
        DecisionRecord line = approvalLine(decision.id());
        assertEquals("allow", line.action());
        assertEquals("sam", line.reviewer());
        assertEquals("verified", line.reason());
        assertEquals("GRANTED", line.outcome());
        assertNotNull(line.waitedMillis());
        assertTrue(line.waitedMillis() >= 0);
    }

    @Test
    void aDenialOverHttpIsLoggedWithTheReviewer() throws Exception {
        start(Map.of("approval.default", "http", "approval.http.token", "tok"));
        Decision decision = veto.protect("issue_refund", Map.of("order_id", "A-2", "amount", 900), L1);
        ApiClient api = new ApiClient(channels.httpServer().orElseThrow().url(), "tok");
        assertEquals(200, api.deny(decision.id(), "sam", "duplicate refund").status());
        Approval approval = veto.waitForApproval(decision.id(), decision.approvalTimeout());
        assertFalse(approval.granted());
        DecisionRecord line = approvalLine(decision.id());
        assertEquals("deny", line.action());
        assertEquals("DENIED", line.outcome());
        assertEquals("sam", line.reviewer());
        assertEquals("duplicate refund", line.reason());
    }

    @Test
    void noAnswerInTimeIsLoggedAsTimedOutAndDenied() throws Exception {
        start(Map.of("approval.default", "http", "approval.http.token", "tok"));
        Decision decision = veto.protect("issue_refund", Map.of("order_id", "A-3", "amount", 900), L1);
        Approval approval = veto.waitForApproval(decision.id(), Duration.ofMillis(100));
        assertFalse(approval.granted());
        DecisionRecord line = approvalLine(decision.id());
        assertEquals("TIMED_OUT", line.outcome());
        assertEquals("escalation", line.reviewer());
        assertTrue(line.reason().contains("escalation: deny"), line.reason());
    }

    @Test
    void aConsoleWithNoTerminalIsLoggedAsChannelUnavailableAtOnce() throws Exception {
        veto = Veto.builder().policyFile(SEED).decisionLog(log).build();
        channels = new ApprovalChannels(veto.approvals(), ApprovalSettings.parse(Map.of("approval.default", "console")),
                Map.of(ApprovalSettings.Transport.CONSOLE, new ApprovalChannelsTest.Recording("console") {
                    {
                        failAtOnce = "no terminal";
                    }
                }), java.util.Optional.empty());
        veto.approvals().addListener(channels);
        Decision decision = veto.protect("issue_refund", Map.of("order_id", "A-4", "amount", 900), L1);
        Approval approval = veto.waitForApproval(decision.id(), decision.approvalTimeout());   // five minutes, not waited
        assertEquals(Approval.Outcome.CHANNEL_UNAVAILABLE, approval.outcome());
        DecisionRecord line = approvalLine(decision.id());
        assertEquals("CHANNEL_UNAVAILABLE", line.outcome());
        assertEquals("deny", line.action());
        assertTrue(line.reason().contains("console: no terminal"), line.reason());
        assertEquals(List.of("decision", "approval"), lines.stream().map(DecisionRecord::kind).toList(),
                "the decision comes before how its hold ended, even when the hold ends at once");
    }
}
