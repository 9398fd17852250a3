package dev.veto.engine.approval.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Approval;
import dev.veto.engine.approval.ApprovalChannels;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalRequest;
import dev.veto.engine.approval.ApprovalSettings;
import dev.veto.engine.approval.HeldCalls;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reviewer API: every status code, and a decision id answered exactly once. */
class ApprovalHttpApiTest {

    private static final String TOKEN = "test-token-0123456789";

    private final ApprovalRegistry registry = new ApprovalRegistry();
    private final ByteArrayOutputStream notices = new ByteArrayOutputStream();
    private ApprovalChannels channels;
    private ApiClient api;
    private ApprovalRequest held;

    @BeforeEach
    void start() {
        channels = ApprovalChannels.start(registry, ApprovalSettings.parse(Map.of(
                "approval.default", "http", "approval.http.token", TOKEN)), new PrintStream(notices, true));
        api = new ApiClient(channels.httpServer().orElseThrow().url(), TOKEN);
        held = HeldCalls.refund("d-1", 500);
        registry.open(held);
    }

    @AfterEach
    void stop() {
        channels.close();
    }

    private void assertStillHeld() {
        assertTrue(registry.find("d-1").isPresent(), "the call must still be held");
        assertTrue(registry.outcome("d-1").isEmpty(), "the call must not have been decided");
    }

    @Test
    void listsTheHeldCallsWithArgumentsContextAndTheCallsHash() {
        ApiClient.Reply reply = api.get("/api/approvals");
        assertEquals(200, reply.status());
        assertEquals(1, reply.json().get("pending").size());
        var call = reply.json().get("pending").get(0);
        assertEquals("d-1", call.get("id").asText());
        assertEquals("issue_refund", call.get("tool").asText());
        assertEquals(500, call.get("arguments").get("amount").asInt());
        assertEquals("support_l1", call.get("context").get("role").asText());
        assertEquals("refund-limits", call.get("rule").asText());
        assertEquals(held.argumentsHash(), call.get("arguments_hash").asText());
        assertEquals("deny", call.get("escalation").asText());
        assertEquals(300_000, call.get("timeout_ms").asLong());
        assertEquals("pending", api.get("/api/approvals/d-1").field("status"));
    }

    @Test
    void anApprovalReleasesTheHeldCallWithTheReviewersNameAndReason() throws Exception {
        CompletableFuture<Approval> waiting = CompletableFuture.supplyAsync(
                () -> registry.await("d-1", Duration.ofMinutes(2)));
        ApiClient.Reply reply = api.post("/api/approvals/d-1/approve",
                "{\"reviewer\":\"alice\",\"reason\":\"customer verified\",\"arguments_hash\":\"" + held.argumentsHash() + "\"}");
        assertEquals(200, reply.status());
        assertEquals("granted", reply.field("status"));
        Approval approval = waiting.get(30, TimeUnit.SECONDS);
        assertTrue(approval.granted());
        assertEquals("alice", approval.reviewer());
        assertEquals("customer verified", approval.reason());
        assertEquals(Approval.Outcome.GRANTED, approval.outcome());
        assertEquals(0, api.get("/api/approvals").json().get("pending").size());
        assertEquals("granted", api.get("/api/approvals/d-1").field("status"));
    }

    @Test
    void aDenialIsRecordedWithTheReviewer() {
        assertEquals(200, api.deny("d-1", "bob", "too much").status());
        Approval approval = registry.await("d-1", Duration.ofSeconds(1));
        assertFalse(approval.granted());
        assertEquals(Approval.Outcome.DENIED, approval.outcome());
        assertEquals("bob", approval.reviewer());
        assertEquals("too much", approval.reason());
    }

    @Test
    void aSecondAnswerGets409AndChangesNothing() {
        assertEquals(200, api.approve("d-1", "alice", "ok").status());
        ApiClient.Reply again = api.deny("d-1", "mallory", "changed my mind");
        assertEquals(409, again.status());
        assertEquals("already_resolved", again.field("error"));
        ApiClient.Reply sameAgain = api.approve("d-1", "mallory", "me too");
        assertEquals(409, sameAgain.status());
        Approval approval = registry.outcome("d-1").orElseThrow();
        assertTrue(approval.granted());
        assertEquals("alice", approval.reviewer());
    }

    @Test
    void anAnswerAfterTheTimeoutGets409AndTheEscalationStands() {
        ApprovalRequest quick = HeldCalls.request("d-2", "issue_refund", Map.of("amount", 900), "x", Duration.ofMillis(50));
        registry.open(quick);
        Approval escalated = registry.await("d-2", Duration.ofMillis(50));
        assertEquals(Approval.Outcome.TIMED_OUT, escalated.outcome());
        assertEquals(409, api.approve("d-2", "alice", "late").status());
        assertEquals(Approval.Outcome.TIMED_OUT, registry.outcome("d-2").orElseThrow().outcome());
    }

    @Test
    void anApprovalOfADifferentCallGets409AndTheCallStaysHeld() {
        ApiClient.Reply reply = api.post("/api/approvals/d-1/approve",
                "{\"reviewer\":\"alice\",\"arguments_hash\":\"sha256:something-else\"}");
        assertEquals(409, reply.status());
        assertEquals("call_mismatch", reply.field("error"));
        assertStillHeld();
    }

    @Test
    void aMissingOrWrongTokenGets401AndChangesNothing() {
        ApiClient.Reply none = api.send(HttpRequest.newBuilder(uri("/api/approvals/d-1/approve"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reviewer\":\"x\"}")), null);
        assertEquals(401, none.status());
        assertEquals("Bearer realm=\"veto\"", none.raw().headers().firstValue("WWW-Authenticate").orElse(""));
        ApiClient.Reply wrong = api.send(HttpRequest.newBuilder(uri("/api/approvals/d-1/approve"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reviewer\":\"x\"}")), TOKEN + "x");
        assertEquals(401, wrong.status());
        ApiClient.Reply basic = api.send(HttpRequest.newBuilder(uri("/api/approvals"))
                .header("Authorization", "Basic " + TOKEN).GET(), null);
        assertEquals(401, basic.status());
        assertEquals(401, api.send(HttpRequest.newBuilder(uri("/api/approvals")).GET(), null).status());
        assertStillHeld();
    }

    @Test
    void anUnknownIdGets404() {
        assertEquals(404, api.get("/api/approvals/no-such-id").status());
        assertEquals(404, api.approve("no-such-id", "alice", "x").status());
        assertEquals(404, api.get("/api/other").status());
        assertEquals(404, api.get("/api/approvals/d-1/approve/more").status());
        assertStillHeld();
    }

    @Test
    void malformedJsonOrMissingFieldsGet400SayingWhat() {
        ApiClient.Reply broken = api.post("/api/approvals/d-1/approve", "{\"reviewer\": ");
        assertEquals(400, broken.status());
        assertTrue(broken.field("message").contains("not valid JSON"), broken.field("message"));

        ApiClient.Reply empty = api.post("/api/approvals/d-1/approve", "");
        assertEquals(400, empty.status());
        assertTrue(empty.field("message").contains("empty"), empty.field("message"));

        ApiClient.Reply noReviewer = api.post("/api/approvals/d-1/approve", "{\"reason\":\"fine\"}");
        assertEquals(400, noReviewer.status());
        assertTrue(noReviewer.field("message").contains("missing field \"reviewer\""), noReviewer.field("message"));

        ApiClient.Reply blank = api.post("/api/approvals/d-1/deny", "{\"reviewer\":\"  \"}");
        assertEquals(400, blank.status());
        assertTrue(blank.field("message").contains("\"reviewer\" must not be empty"), blank.field("message"));

        ApiClient.Reply wrongTypes = api.post("/api/approvals/d-1/approve",
                "{\"reviewer\":42,\"reason\":[\"x\"],\"arguments_hash\":{}}");
        assertEquals(400, wrongTypes.status());
        String message = wrongTypes.field("message");
        assertTrue(message.contains("\"reviewer\" must be a string") && message.contains("\"reason\" must be a string")
                && message.contains("\"arguments_hash\" must be a string"), message);

        ApiClient.Reply array = api.post("/api/approvals/d-1/approve", "[1,2]");
        assertEquals(400, array.status());
        assertStillHeld();
    }

    @Test
    void aBodyWithTextAfterItsObjectOrARepeatedFieldIsMalformedAndChangesNothing() {
        // an approval whose binding to the call is in a second object, or repeated, must not be read as a
        // plain approval of whatever is held
        ApiClient.Reply trailing = api.post("/api/approvals/d-1/approve",
                "{\"reviewer\":\"alice\"}{\"arguments_hash\":\"sha256:something-else\"}");
        assertEquals(400, trailing.status(), trailing.raw().body());
        assertTrue(trailing.field("message").contains("not valid JSON"), trailing.field("message"));

        ApiClient.Reply repeated = api.post("/api/approvals/d-1/approve",
                "{\"reviewer\":\"alice\",\"arguments_hash\":\"sha256:something-else\",\"arguments_hash\":null}");
        assertEquals(400, repeated.status(), repeated.raw().body());
        assertTrue(repeated.field("message").contains("arguments_hash"), repeated.field("message"));
        assertStillHeld();
    }

    @Test
    void anOversizedBodyGets413() {
        String reason = "x".repeat(ApiHandler.MAX_BODY_BYTES);
        ApiClient.Reply reply = api.post("/api/approvals/d-1/approve", "{\"reviewer\":\"a\",\"reason\":\"" + reason + "\"}");
        assertEquals(413, reply.status());
        assertStillHeld();
    }

    @Test
    void aWrongMethodGets405WithTheAllowedOne() {
        ApiClient.Reply getOnApprove = api.get("/api/approvals/d-1/approve");
        assertEquals(405, getOnApprove.status());
        assertEquals("POST", getOnApprove.raw().headers().firstValue("Allow").orElse(""));
        assertEquals(405, api.post("/api/approvals/d-1", "{\"reviewer\":\"a\"}").status());
        ApiClient.Reply delete = api.send(HttpRequest.newBuilder(uri("/api/approvals")).DELETE(), TOKEN);
        assertEquals(405, delete.status());
        assertEquals("GET", delete.raw().headers().firstValue("Allow").orElse(""));
        ApiClient.Reply putDeny = api.send(HttpRequest.newBuilder(uri("/api/approvals/d-1/deny"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"reviewer\":\"a\"}")), TOKEN);
        assertEquals(405, putDeny.status());
        assertEquals(405, api.post("/", "").status());
        assertStillHeld();
    }

    @Test
    void theReviewerPageIsServedWithoutTheTokenAndLocksDownScripts() {
        ApiClient.Reply page = api.send(HttpRequest.newBuilder(uri("/")).GET(), null);
        assertEquals(200, page.status());
        assertTrue(page.raw().body().contains("<title>Veto: approvals</title>"));
        String csp = page.raw().headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", page.raw().headers().firstValue("X-Content-Type-Options").orElse(""));
        ApiClient.Reply script = api.send(HttpRequest.newBuilder(uri("/reviewer.js")).GET(), null);
        assertEquals(200, script.status());
        assertTrue(script.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(404, api.send(HttpRequest.newBuilder(uri("/../etc/passwd")).GET(), null).status());
        assertFalse(page.raw().body().contains(TOKEN));
    }

    @Test
    void aCallWhoseChannelLabelIsNotServedOverHttpIsNeitherListedNorAnsweredThere() throws Exception {
        // finance calls go to the page; supervisors' calls only to the person at the console
        ApprovalRegistry routed = new ApprovalRegistry();
        try (ApprovalHttpServer server = ApprovalHttpServer.start(routed, ApprovalSettings.parse(Map.of(
                "approval.channels.finance", "http", "approval.channels.supervisors", "console",
                "approval.http.token", TOKEN)), new PrintStream(new ByteArrayOutputStream(), true))) {
            routed.open(HeldCalls.request("console-only", "issue_refund", Map.of("amount", 50_000), "supervisors",
                    Duration.ofMinutes(5)));
            routed.open(HeldCalls.request("for-the-page", "wire_transfer", Map.of("amount", 10), "finance",
                    Duration.ofMinutes(5)));
            ApiClient client = new ApiClient(server.url(), TOKEN);

            ApiClient.Reply list = client.get("/api/approvals");
            assertEquals(1, list.json().get("pending").size(), list.raw().body());
            assertEquals("for-the-page", list.json().get("pending").get(0).get("id").asText());
            assertEquals(404, client.get("/api/approvals/console-only").status());
            ApiClient.Reply approve = client.post("/api/approvals/console-only/approve", "{\"reviewer\":\"mallory\"}");
            assertEquals(404, approve.status(), approve.raw().body());
            assertTrue(routed.find("console-only").isPresent(), "a call routed to the console only was answered over HTTP");
            assertEquals(200, client.post("/api/approvals/for-the-page/approve", "{\"reviewer\":\"sam\"}").status());
        }
    }

    @Test
    void aGeneratedTokenIsPrintedOnceWithThePagesAddress() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ApprovalChannels generated = ApprovalChannels.start(new ApprovalRegistry(),
                ApprovalSettings.parse(Map.of("approval.default", "http")), new PrintStream(printed, true))) {
            ApprovalHttpServer server = generated.httpServer().orElseThrow();
            assertTrue(server.port() > 0);
            String text = printed.toString(StandardCharsets.UTF_8);
            String expected = "http://127.0.0.1:" + server.port() + "/#token=" + server.token();
            assertTrue(text.contains(expected), text);
            assertEquals(text.indexOf(server.token()), text.lastIndexOf(server.token()));
            assertTrue(server.token().length() >= 40);
            ApiClient client = new ApiClient(server.url(), server.token());
            assertEquals(200, client.get("/api/approvals").status());
        }
        // A configured token is never printed.
        assertFalse(notices.toString(StandardCharsets.UTF_8).contains(TOKEN));
        assertNotNull(channels.httpServer().orElseThrow().url());
    }

    @Test
    void theServerNeverKeepsTheApplicationsJvmAlive() {
        Thread dispatcher = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HTTP-Dispatcher")).findFirst().orElseThrow();
        assertTrue(dispatcher.isDaemon(), "a non-daemon dispatcher would keep the host JVM running after main ends");
    }

    private java.net.URI uri(String path) {
        return channels.httpServer().orElseThrow().url().resolve(path);
    }
}
