package dev.veto.engine.approval.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.engine.approval.ApprovalJson;
import dev.veto.engine.approval.ApprovalRequest;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts a notice for each configured event to a webhook, with a link to the reviewer page. Delivery runs
 * on the notifier's own thread with a timeout per attempt and retries with growing pauses on a network
 * error, a 429 or a 5xx, so the calling thread never waits for the network. Notices carry no token: the
 * link opens the page, which asks the reviewer for it.
 */
public final class WebhookNotifier implements AutoCloseable {

    /** Beyond this many undelivered notices new ones are dropped (and said so), not queued without bound. */
    private static final int MAX_OUTSTANDING = 1000;
    private static final long FIRST_RETRY_MILLIS = 500;

    private final URI url;
    private final WebhookFormat format;
    private final Set<WebhookEvent> events;
    private final Duration timeout;
    private final int retries;
    private final Optional<URI> page;
    private final PrintStream notices;
    private final HttpClient client;
    private final ScheduledExecutorService delivery;
    private final AtomicInteger outstanding = new AtomicInteger();

    public WebhookNotifier(URI url, WebhookFormat format, Set<WebhookEvent> events, Duration timeout, int retries,
            Optional<URI> page, PrintStream notices) {
        this.url = url;
        this.format = format;
        this.events = Set.copyOf(events);
        this.timeout = timeout;
        this.retries = retries;
        this.page = page;
        this.notices = notices;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "veto-approvals-webhook");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.delivery = executor;
    }

    /** A call is held: posts a {@code pending} notice when configured. */
    public void pending(ApprovalRequest request) {
        if (!events.contains(WebhookEvent.PENDING)) {
            return;
        }
        ObjectNode body = base(WebhookEvent.PENDING, request.decisionId(), request.tool(), request.ruleId(),
                request.reason());
        body.put("channel", request.channel());
        if (request.requestedAt() != null && request.timeout() != null) {
            body.put("expires_at", request.requestedAt().plus(request.timeout()).toString());
        }
        if (format == WebhookFormat.JSON) {
            body.set("arguments", ApprovalJson.value(request.arguments()));
            body.set("context", ApprovalJson.value(request.context()));
        }
        send(body, "Approval needed");
    }

    /** A call was denied: posts a {@code deny} notice when configured. */
    public void denied(String decisionId, String tool, String ruleId, String reason) {
        notice(WebhookEvent.DENY, decisionId, tool, ruleId, reason);
    }

    /** Posts a notice of {@code event} when configured. */
    public void notice(WebhookEvent event, String decisionId, String tool, String ruleId, String reason) {
        if (events.contains(event)) {
            send(base(event, decisionId, tool, ruleId, reason),
                    event == WebhookEvent.DENY ? "Denied" : "Rate limit reached");
        }
    }

    private ObjectNode base(WebhookEvent event, String decisionId, String tool, String ruleId, String reason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("event", event.key());
        body.put("decision_id", decisionId);
        body.put("tool", tool);
        body.put("rule", ruleId);
        body.put("reason", reason);
        body.put("time", Instant.now().toString());
        page.ifPresent(p -> body.put("link", p.resolve("#id=" + decisionId).toString()));
        return body;
    }

    private void send(ObjectNode notice, String headline) {
        String payload;
        try {
            payload = ApprovalJson.MAPPER.writeValueAsString(
                    format == WebhookFormat.SLACK ? SlackText.message(headline, notice) : notice);
        } catch (JsonProcessingException e) {
            notices.println("veto: approvals: webhook notice not sent: " + e.getOriginalMessage());
            return;
        }
        if (outstanding.incrementAndGet() > MAX_OUTSTANDING) {
            outstanding.decrementAndGet();
            notices.println("veto: approvals: webhook notice dropped: " + MAX_OUTSTANDING + " still undelivered");
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "veto-approvals")
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            delivery.execute(() -> attempt(request, 0));
        } catch (RuntimeException e) {
            outstanding.decrementAndGet(); // shut down: nothing more is sent
        }
    }

    private void attempt(HttpRequest request, int attempt) {
        String failure;
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                outstanding.decrementAndGet();
                return;
            }
            failure = "HTTP " + status;
            if (status < 500 && status != 429) {
                giveUp(failure + " (not retried)");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp("interrupted");
            return;
        } catch (Exception e) {
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (attempt >= retries) {
            giveUp(failure + " after " + (attempt + 1) + " attempts");
            return;
        }
        try {
            delivery.schedule(() -> attempt(request, attempt + 1), FIRST_RETRY_MILLIS << attempt, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            giveUp("shutting down");
        }
    }

    private void giveUp(String why) {
        outstanding.decrementAndGet();
        notices.println("veto: approvals: webhook " + url + " failed: " + why);
    }

    /** Stops delivering; notices not yet sent are dropped. */
    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
