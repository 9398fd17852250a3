package dev.veto.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veto.fixture.ApprovalApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Human approval in a real JVM started with the agent: a governed call blocks until this test approves it
 * over the reviewer API and then runs; one the test denies is refused; one nobody answers is refused by
 * its escalation when its timeout passes. The decision log records each ending with reviewer, reason and
 * wait.
 */
class ApprovalsIT {

    private static final String TOKEN = "approvals-it-token";
    private static final Pattern PAGE = Pattern.compile("reviewer page at (http://127\\.0\\.0\\.1:\\d+/)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void callsStillHeldWhenTheApplicationExitsEndDeniedWithTheirApprovalLinesInTheLog(String java) throws Exception {
        // The JVM's shutdown runs the log's own hook and the agent's (which ends the held calls) at once:
        // the ending of each held call must still reach the file, whichever hook runs first. Several runs,
        // since the hooks' order varies.
        for (int run = 0; run < 4; run++) {
            Path log = dir.resolve("exit-" + run + ".jsonl");
            Process app = ForkedJvm.on(java)
                    .agent("policy=" + ForkedJvm.POLICIES.resolve("approvals-it.yaml") + ",log=" + log
                            + ",approval.default=http,approval.http.token=" + TOKEN)
                    .start(dev.veto.fixture.ExitWhileHeldApp.class.getName());
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(app));
            StringBuilder stderr = new StringBuilder();
            try {
                URI page = reviewerPage(app, stderr);
                awaitPending(page, "X-1", stderr);
                awaitPending(page, "X-2", stderr);
                ForkedJvm.write(app.getOutputStream(), "exit");
                assertTrue(app.waitFor(2, TimeUnit.MINUTES), "the application did not exit; stderr:\n" + stderr);
            } finally {
                app.destroyForcibly();
            }
            assertFalse(stdout.get(1, TimeUnit.MINUTES).contains("RAN"), "a held tool ran");
            List<String> lines = Files.readAllLines(log);
            long held = lines.stream().filter(l -> l.contains("\"action\":\"require_approval\"")).count();
            long ended = lines.stream().filter(l -> l.contains("\"kind\":\"approval\"")).count();
            assertEquals(2, held, String.join("\n", lines) + "\n" + stderr);
            assertEquals(held, ended, "run " + run + ": a held call's ending is missing from the log:\n"
                    + String.join("\n", lines) + "\nstderr:\n" + stderr);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void aHeldCallRunsOnlyAfterApprovalOverHttpAndDeniedOrUnansweredCallsNeverRun(String java) throws Exception {
        Path markers = Files.createDirectories(dir.resolve("markers"));
        Path log = dir.resolve("decisions.jsonl");
        Process app = ForkedJvm.on(java)
                .agent("policy=" + ForkedJvm.POLICIES.resolve("approvals-it.yaml") + ",log=" + log
                        + ",approval.default=http,approval.http.token=" + TOKEN)
                .start(ApprovalApp.class.getName(), markers.toString());
        app.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(app));
        StringBuilder stderr = new StringBuilder();
        URI page = reviewerPage(app, stderr);
        try {
            JsonNode first = awaitPending(page, "A-1", stderr);
            assertEquals("issue_refund", first.get("tool").asText());
            assertEquals(500.0, first.get("arguments").get("amount").asDouble());
            assertEquals("support_l1", first.get("context").get("role").asText());
            assertFalse(first.toString().contains("4111111111111111"), "the card number is redacted: " + first);
            assertFalse(Files.exists(markers.resolve("A-1.ran")), "the body must not run before the approval");
            assertEquals(200, answer(page, first, "approve", "it-reviewer", "customer verified"));

            JsonNode second = awaitPending(page, "A-2", stderr);
            assertEquals(200, answer(page, second, "deny", "it-reviewer", "duplicate refund"));
            // The third call (wire_transfer) is left unanswered: its 3 s timeout and escalation decide.

            assertTrue(app.waitFor(2, TimeUnit.MINUTES), "the application did not finish; stderr:\n" + stderr);
        } finally {
            app.destroyForcibly();
        }
        Map<String, String> results = results(stdout.get(30, TimeUnit.SECONDS));
        String output = "stdout results " + results + "\nstderr:\n" + stderr;
        List<JsonNode> approvals = approvalLines(log);
        assertAll(output,
                () -> assertEquals("ran:refunded 500.0 on A-1", results.get("approved")),
                () -> assertTrue(Files.exists(markers.resolve("A-1.ran"))),
                () -> assertTrue(results.get("denied").startsWith("denied:issue_refund:"), results.get("denied")),
                () -> assertTrue(results.get("denied").contains("approval denied by it-reviewer: duplicate refund"),
                        results.get("denied")),
                () -> assertFalse(Files.exists(markers.resolve("A-2.ran")), "a denied call never runs"),
                () -> assertTrue(results.get("timed-out").startsWith("denied:wire_transfer:"), results.get("timed-out")),
                () -> assertTrue(results.get("timed-out").contains("approval timed out by escalation"),
                        results.get("timed-out")),
                () -> assertFalse(Files.exists(markers.resolve("wire-DE89370400440532013000.ran"))),
                () -> assertEquals(3, approvals.size(), "one approval line per held call: " + approvals));
        assertApprovalLine(approvals.get(0), "issue_refund", "allow", "GRANTED", "it-reviewer", "customer verified");
        assertApprovalLine(approvals.get(1), "issue_refund", "deny", "DENIED", "it-reviewer", "duplicate refund");
        assertApprovalLine(approvals.get(2), "wire_transfer", "deny", "TIMED_OUT", "escalation", "escalation: deny");
        assertTrue(approvals.get(2).get("waited_ms").asLong() >= 2_000, "held until its 3 s timeout: " + approvals.get(2));
    }

    /**
     * The agent starts the approval channels after the engine is in force, so the first call may be held
     * before they exist. When they then cannot start (the reviewer port is taken), every held call, the ones
     * already waiting included, is refused at once by its escalation with the reason, not left to its
     * two-minute timeout, and no body runs.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void whenTheApprovalChannelsCannotStartHeldCallsAreRefusedAtOnceByTheirEscalation(String java) throws Exception {
        Path markers = Files.createDirectories(dir.resolve("markers"));
        Path log = dir.resolve("decisions.jsonl");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ForkedJvm.Run run = ForkedJvm.on(java)
                    .agent("policy=" + ForkedJvm.POLICIES.resolve("approvals-it.yaml") + ",log=" + log
                            + ",approval.default=http,approval.http.port=" + taken.getLocalPort())
                    .run(ApprovalApp.class.getName(), markers.toString());
            Map<String, String> results = results(run.stdout());
            String output = "stdout results " + results + "\nstderr:\n" + run.stderr();
            List<JsonNode> approvals = approvalLines(log);
            assertAll(output,
                    () -> assertTrue(run.stderr().contains("the approval channels could not start")),
                    () -> assertEquals(3, results.size()),
                    () -> results.values().forEach(result -> assertTrue(result.startsWith("denied:")
                            && result.contains("the approval channels could not start"), result)),
                    () -> assertEquals(3, approvals.size(), "one approval line per held call: " + approvals),
                    () -> approvals.forEach(line -> assertEquals("CHANNEL_UNAVAILABLE", line.get("outcome").asText(),
                            line.toString())));
            try (var ran = Files.list(markers)) {
                assertEquals(List.of(), ran.toList(), "no tool body runs without an answer");
            }
        }
    }

    private static void assertApprovalLine(JsonNode line, String tool, String action, String outcome, String reviewer,
            String reason) {
        assertAll(line.toString(),
                () -> assertEquals(tool, line.get("tool").asText()),
                () -> assertEquals(action, line.get("action").asText()),
                () -> assertEquals(outcome, line.get("outcome").asText()),
                () -> assertEquals(reviewer, line.get("reviewer").asText()),
                () -> assertTrue(line.get("reason").asText().contains(reason)),
                () -> assertNotNull(line.get("waited_ms")));
    }

    /** Reads the agent's stderr until it prints the reviewer page's address; keeps collecting it after. */
    private static URI reviewerPage(Process app, StringBuilder stderr) throws Exception {
        CompletableFuture<URI> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(app.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                    Matcher m = PAGE.matcher(line);
                    if (m.find()) {
                        found.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the JVM ended
            }
            found.completeExceptionally(new AssertionError("the agent never printed the reviewer page; stderr:\n" + stderr));
        }, "approvals-it-stderr");
        reader.setDaemon(true);
        reader.start();
        return found.get(2, TimeUnit.MINUTES);
    }

    private JsonNode awaitPending(URI page, String orderId, StringBuilder stderr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(page.resolve("/api/approvals"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            for (JsonNode call : JSON.readTree(response.body()).get("pending")) {
                if (orderId.equals(call.path("arguments").path("order_id").asText())) {
                    return call;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no held call for order " + orderId + "; stderr:\n" + stderr);
    }

    private int answer(URI page, JsonNode call, String verb, String reviewer, String reason) throws Exception {
        String body = JSON.writeValueAsString(Map.of("reviewer", reviewer, "reason", reason,
                "arguments_hash", call.get("arguments_hash").asText()));
        return http.send(HttpRequest.newBuilder(page.resolve("/api/approvals/" + call.get("id").asText() + "/" + verb))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static List<JsonNode> approvalLines(Path log) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            JsonNode json = JSON.readTree(line);
            if ("approval".equals(json.path("kind").asText())) {
                lines.add(json);
            }
        }
        return lines;
    }

    private static String readAll(Process app) {
        try {
            return new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Map<String, String> results(String stdout) {
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("RESULT ")) {
                int eq = line.indexOf('=');
                results.put(line.substring("RESULT ".length(), eq), line.substring(eq + 1));
            }
        }
        return results;
    }
}
