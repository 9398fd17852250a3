package dev.veto.engine.approval.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veto.engine.Approval;
import dev.veto.engine.approval.ApprovalChannels;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalSettings;
import dev.veto.engine.approval.HeldCalls;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many held calls at once, and clients that misbehave at the socket level. */
class ApprovalHttpLoadTest {

    private static final String TOKEN = "load-token";

    private final ApprovalRegistry registry = new ApprovalRegistry();
    private ApprovalChannels channels;
    private ApiClient api;

    @BeforeEach
    void start() {
        channels = ApprovalChannels.start(registry, ApprovalSettings.parse(Map.of(
                "approval.default", "http", "approval.http.token", TOKEN)),
                new PrintStream(new ByteArrayOutputStream(), true));
        api = new ApiClient(channels.httpServer().orElseThrow().url(), TOKEN);
    }

    @AfterEach
    void stop() {
        channels.close();
    }

    @Test
    void fiftyThreadsBlockedAtOnceEachGetExactlyTheirOwnAnswer() throws Exception {
        int calls = 50;
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        List<Future<Approval>> answers = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String id = "call-" + i;
            answers.add(callers.submit(() -> {
                registry.open(HeldCalls.refund(id, 1000 + Integer.parseInt(id.substring(5))));
                return registry.await(id, Duration.ofMinutes(2));
            }));
        }
        // Wait until all fifty are held, as a reviewer would see them.
        JsonNode pending = null;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < deadline; ) {
            pending = api.get("/api/approvals").json().get("pending");
            if (pending.size() == calls) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(calls, pending.size());

        // Answer all of them concurrently: even calls approved, odd denied, each reason naming its call.
        ExecutorService reviewers = Executors.newFixedThreadPool(16);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (JsonNode call : pending) {
            String id = call.get("id").asText();
            int n = Integer.parseInt(id.substring(5));
            assertEquals(1000 + n, call.get("arguments").get("amount").asInt());
            statuses.add(reviewers.submit(() -> (n % 2 == 0
                    ? api.approve(id, "reviewer-" + n, "answer for " + id)
                    : api.deny(id, "reviewer-" + n, "answer for " + id)).status()));
        }
        for (Future<Integer> status : statuses) {
            assertEquals(200, status.get(60, TimeUnit.SECONDS));
        }
        for (int i = 0; i < calls; i++) {
            Approval approval = answers.get(i).get(60, TimeUnit.SECONDS);
            assertEquals(i % 2 == 0, approval.granted(), "call-" + i);
            assertEquals("reviewer-" + i, approval.reviewer());
            assertEquals("answer for call-" + i, approval.reason());
        }
        callers.shutdownNow();
        reviewers.shutdownNow();
        assertEquals(0, registry.pending().size());
    }

    @Test
    void racingAnswersToOneCallResolveItExactlyOnce() throws Exception {
        registry.open(HeldCalls.refund("contested", 700));
        ExecutorService racers = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            statuses.add(racers.submit(() -> (n % 2 == 0
                    ? api.approve("contested", "r" + n, "x") : api.deny("contested", "r" + n, "x")).status()));
        }
        int ok = 0;
        Set<Integer> seen = new HashSet<>();
        for (Future<Integer> status : statuses) {
            int s = status.get(60, TimeUnit.SECONDS);
            seen.add(s);
            ok += s == 200 ? 1 : 0;
        }
        racers.shutdownNow();
        assertEquals(1, ok, "exactly one answer wins");
        assertEquals(Set.of(200, 409), seen);
        Approval outcome = registry.outcome("contested").orElseThrow();
        assertEquals(outcome.granted(), Integer.parseInt(outcome.reviewer().substring(1)) % 2 == 0);
    }

    @Test
    void clientsThatDisconnectMidRequestDoNotHurtTheServer() throws Exception {
        registry.open(HeldCalls.refund("d-9", 800));
        int port = channels.httpServer().orElseThrow().port();
        for (int i = 0; i < 20; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                String head = "POST /api/approvals/d-9/approve HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"reviewer\":\"half";
                // Every other client vanishes in the middle of its headers instead of its body.
                byte[] bytes = head.getBytes(StandardCharsets.US_ASCII);
                out.write(bytes, 0, i % 2 == 0 ? bytes.length : bytes.length / 3);
                out.flush();
            }
        }
        // A client that sends a full request and hangs up before reading the answer.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/approvals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }
        assertTrue(registry.find("d-9").isPresent(), "a half-sent answer must not decide the call");
        assertEquals(200, api.get("/api/approvals").status());
        assertEquals(200, api.approve("d-9", "alice", "after the noise").status());
        assertEquals("alice", registry.outcome("d-9").orElseThrow().reviewer());
    }
}
