package dev.veto.engine.approval.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import dev.veto.engine.approval.ApprovalChannels;
import dev.veto.engine.approval.ApprovalJson;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalSettings;
import dev.veto.engine.approval.HeldCalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook notices as a receiving server sees them. */
class WebhookNotifierTest {

    /** Received bodies; the first {@code failures} requests get a 500. */
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile int failures;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private HttpServer receiver;
    private ApprovalChannels channels;
    private final ApprovalRegistry registry = new ApprovalRegistry();
    private final ByteArrayOutputStream notices = new ByteArrayOutputStream();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                hold.await(60, TimeUnit.SECONDS);
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (attempts.incrementAndGet() <= failures) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                received.add(ApprovalJson.MAPPER.readTree(body));
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        receiver.start();
    }

    @AfterEach
    void stop() {
        if (channels != null) {
            channels.close();
        }
        receiver.stop(0);
    }

    private void start(String format, String events) {
        Map<String, String> config = new HashMap<>();
        config.put("approval.default", "http");
        config.put("approval.http.token", "webhook-secret-token");
        config.put("approval.webhook.url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        config.put("approval.webhook.format", format);
        config.put("approval.webhook.events", events);
        config.put("approval.webhook.timeout", "10s");
        channels = ApprovalChannels.start(registry, ApprovalSettings.parse(config), new PrintStream(notices, true));
    }

    private JsonNode next() throws InterruptedException {
        JsonNode body = received.poll(60, TimeUnit.SECONDS);
        assertNotNull(body, "no webhook arrived; notices: " + notices.toString(StandardCharsets.UTF_8));
        return body;
    }

    @Test
    void aHeldCallPostsAJsonNoticeWithALinkToThePageAndNoToken() throws Exception {
        start("json", "pending");
        registry.open(HeldCalls.refund("d-1", 4200));
        JsonNode notice = next();
        assertEquals("pending", notice.get("event").asText());
        assertEquals("d-1", notice.get("decision_id").asText());
        assertEquals("issue_refund", notice.get("tool").asText());
        assertEquals("refund-limits", notice.get("rule").asText());
        assertEquals("supervisors", notice.get("channel").asText());
        assertEquals(4200, notice.get("arguments").get("amount").asInt());
        String page = channels.httpServer().orElseThrow().url().toString();
        assertEquals(page + "#id=d-1", notice.get("link").asText());
        assertFalse(notice.toString().contains(channels.httpServer().orElseThrow().token()));
    }

    @Test
    void slackGetsTextWithTheLinkAndEscapedCallData() throws Exception {
        start("slack", "pending");
        registry.open(HeldCalls.request("d-2", "wire <!channel> & <http://evil|bank>", Map.of("amount", 1),
                "supervisors", Duration.ofMinutes(5)));
        JsonNode notice = next();
        assertEquals(1, notice.size(), "Slack's incoming-webhook shape is {\"text\": ...}");
        String text = notice.get("text").asText();
        assertTrue(text.startsWith("*Approval needed*: `wire &lt;!channel&gt; &amp; &lt;http://evil|bank&gt;`"), text);
        assertTrue(text.contains("<" + channels.httpServer().orElseThrow().url() + "#id=d-2|Review it>"), text);
    }

    @Test
    void aFailedDeliveryIsRetriedAfterA500() throws Exception {
        failures = 2;
        start("json", "pending");
        registry.open(HeldCalls.refund("d-3", 300));
        assertEquals("d-3", next().get("decision_id").asText());
        assertEquals(3, attempts.get(), "two 500s, then delivered");
    }

    @Test
    void deliveryGivesUpAfterTheConfiguredRetriesAndSaysSo() throws Exception {
        failures = 100;
        Map<String, String> config = Map.of("approval.default", "http", "approval.http.token", "t",
                "approval.webhook.url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "approval.webhook.retries", "1");
        channels = ApprovalChannels.start(registry, ApprovalSettings.parse(config), new PrintStream(notices, true));
        registry.open(HeldCalls.refund("d-4", 300));
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                !notices.toString(StandardCharsets.UTF_8).contains("failed: HTTP 500 after 2 attempts")
                        && System.nanoTime() < deadline; ) {
            Thread.sleep(50);
        }
        assertTrue(notices.toString(StandardCharsets.UTF_8).contains("failed: HTTP 500 after 2 attempts"),
                notices.toString(StandardCharsets.UTF_8));
        assertEquals(2, attempts.get());
    }

    @Test
    void aSlowWebhookNeverHoldsUpTheCallingThread() throws Exception {
        hold = new CountDownLatch(1);   // the receiver does not answer until released
        start("json", "pending,deny");
        registry.open(HeldCalls.refund("d-5", 300));               // returns although the POST is unanswered
        registry.resolve("d-5", false, "alice", "no");            // so does this one, which posts a deny notice
        assertTrue(received.isEmpty());
        hold.countDown();
        assertEquals("pending", next().get("event").asText());
        JsonNode deny = next();
        assertEquals("deny", deny.get("event").asText());
        assertTrue(deny.get("reason").asText().contains("no (alice)"));
    }

    @Test
    void denialsAndRateLimitHitsArePostedOnlyWhereConfigured() throws Exception {
        start("json", "rate_limit");
        Decision limited = new Decision("d-6", "issue_refund", Action.DENY,
                "rate limit 20/hour reached for rule refund-limits", "refund-limits", null, null, Action.DENY);
        channels.notifyDenied(limited);        // deny is not configured: nothing
        registry.open(HeldCalls.refund("d-7", 300));   // pending is not configured: nothing
        channels.notifyRateLimited(limited);
        JsonNode notice = next();
        assertEquals("rate_limit", notice.get("event").asText());
        assertEquals("d-6", notice.get("decision_id").asText());
        assertEquals("rate limit 20/hour reached for rule refund-limits", notice.get("reason").asText());
        Thread.sleep(500);
        assertTrue(received.isEmpty(), "only the configured event is posted");
    }
}
