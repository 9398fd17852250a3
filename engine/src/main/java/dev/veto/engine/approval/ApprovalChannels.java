package dev.veto.engine.approval;

import dev.veto.engine.Approval;
import dev.veto.engine.Decision;
import dev.veto.engine.approval.ApprovalSettings.Transport;
import dev.veto.engine.approval.console.ConsoleTransport;
import dev.veto.engine.approval.http.ApprovalHttpServer;
import dev.veto.engine.approval.webhook.WebhookEvent;
import dev.veto.engine.approval.webhook.WebhookFormat;
import dev.veto.engine.approval.webhook.WebhookNotifier;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes each held call to the transports that serve its policy channel label (configuration maps labels
 * to transports; an unknown label gets {@code approval.default}), and posts webhook notices. When none of
 * a call's transports can reach anyone, the registry is told at once so the escalation decides, instead
 * of the call hanging until its timeout. Calls held before the channels started (the agent starts them
 * once the engine is in force, off the first call's path) are presented when they start.
 *
 * <pre>{@code
 * ApprovalChannels channels = ApprovalChannels.start(veto.approvals(),
 *         Map.of("approval.channels.supervisors", "console,http"));
 * }</pre>
 */
public final class ApprovalChannels implements ApprovalListener, AutoCloseable {

    private final ApprovalRegistry registry;
    private final ApprovalSettings settings;
    private final Map<Transport, ApprovalTransport> transports;
    private final Optional<ApprovalHttpServer> http;
    private final Optional<WebhookNotifier> webhook;
    private final Map<String, Routing> routing = new ConcurrentHashMap<>();
    /** The held calls presented and not yet seen to end: a call held before the start is presented only once. */
    private final Set<String> presented = ConcurrentHashMap.newKeySet();
    /**
     * Set when the channels close: a transport that reports its calls unreachable as it closes (the console
     * drops its queue) is not a reason for the escalation to decide them at once; an escalation of allow
     * would run them on the JVM's way out. They stay held for their timeout or the engine's close.
     */
    private volatile boolean closed;

    ApprovalChannels(ApprovalRegistry registry, ApprovalSettings settings, Map<Transport, ApprovalTransport> transports,
            Optional<WebhookNotifier> webhook) {
        this.registry = registry;
        this.settings = settings;
        this.transports = new EnumMap<>(Transport.class);
        this.transports.putAll(transports);
        this.http = transports.get(Transport.HTTP) instanceof ApprovalHttpServer server
                ? Optional.of(server) : Optional.empty();
        this.webhook = webhook;
    }

    /**
     * Starts the transports the configuration uses, listens to {@code registry} and presents the calls it
     * already holds. Messages for people
     * (the reviewer page's address, a missing terminal) go to standard error.
     *
     * @throws IllegalArgumentException for a bad {@code approval.*} setting
     * @throws UncheckedIOException     when the reviewer server cannot listen
     */
    public static ApprovalChannels start(ApprovalRegistry registry, Map<String, String> config) {
        return start(registry, ApprovalSettings.parse(config), System.err);
    }

    public static ApprovalChannels start(ApprovalRegistry registry, ApprovalSettings settings, PrintStream notices) {
        return start(registry, settings, notices, WebhookNotifier::new);
    }

    /** How a webhook notifier is made (the constructor's parameters): a seam for tests. */
    @FunctionalInterface
    interface WebhookFactory {
        WebhookNotifier create(URI url, WebhookFormat format, Set<WebhookEvent> events, Duration timeout, int retries,
                Optional<URI> page, PrintStream notices);
    }

    static ApprovalChannels start(ApprovalRegistry registry, ApprovalSettings settings, PrintStream notices,
            WebhookFactory webhooks) {
        Map<Transport, ApprovalTransport> started = new EnumMap<>(Transport.class);
        Optional<WebhookNotifier> webhook;
        // Whatever fails after a transport started (a port in use, java.net.http missing from a modular
        // application) stops what started first: a reviewer page must not stay open with nothing behind it.
        try {
            if (settings.uses(Transport.HTTP)) {
                started.put(Transport.HTTP, ApprovalHttpServer.start(registry, settings, notices));
            }
            if (settings.uses(Transport.CONSOLE)) {
                started.put(Transport.CONSOLE,
                        ConsoleTransport.start(registry, settings.consoleReviewer(), notices));
            }
            // No reference to the reviewer server is linked unless it started: its classes need the
            // jdk.httpserver module, which a modular application (java -m) that does not require it does not have.
            ApprovalTransport http = started.get(Transport.HTTP);
            Optional<URI> page = settings.publicUrl().or(() -> http instanceof ApprovalHttpServer server
                    ? Optional.of(server.url()) : Optional.empty());
            webhook = settings.webhookUrl().map(url -> webhooks.create(url, settings.webhookFormat(),
                    settings.webhookEvents(), settings.webhookTimeout(), settings.webhookRetries(), page, notices));
        } catch (IOException e) {
            started.values().forEach(ApprovalTransport::close);
            throw new UncheckedIOException("approval.http: cannot listen on " + settings.httpBind() + ":"
                    + settings.httpPort() + ": " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            started.values().forEach(ApprovalTransport::close);
            throw e;
        }
        ApprovalChannels channels = new ApprovalChannels(registry, settings, started, webhook);
        channels.listen();
        return channels;
    }

    /**
     * Listens to the registry and presents the calls it held before (a call held in between is seen by
     * both routes and presented once).
     */
    void listen() {
        registry.addListener(this);
        for (ApprovalRequest request : registry.pending()) {
            opened(request);
            // It may have ended before this listener could see it end: take it back from the transports.
            registry.outcome(request.decisionId()).ifPresent(approval -> closed(request, approval));
        }
    }

    /**
     * A listener for when the channels could not start: every held call is decided at once by its
     * escalation, with {@code why} as the reason, rather than waiting for an answer that cannot come.
     */
    public static ApprovalListener unavailable(ApprovalRegistry registry, String why) {
        return request -> registry.channelUnavailable(request.decisionId(), why);
    }

    /**
     * For when the channels could not start: every held call, those already held included, is decided at
     * once by its escalation with {@code why} as the reason.
     */
    public static void markUnavailable(ApprovalRegistry registry, String why) {
        ApprovalListener decideAtOnce = unavailable(registry, why);
        registry.addListener(decideAtOnce);
        registry.pending().forEach(decideAtOnce::opened);
    }

    @Override
    public void opened(ApprovalRequest request) {
        if (!presented.add(request.decisionId())) {
            return;
        }
        webhook.ifPresent(w -> w.pending(request));
        List<ApprovalTransport> serving = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Transport t : settings.transportsFor(request.channel())) {
            ApprovalTransport transport = transports.get(t);
            if (transport != null) {
                serving.add(transport);
            } else {
                missing.add(t.name().toLowerCase(Locale.ROOT) + ": not started");
            }
        }
        Routing route = new Routing(request.decisionId(), serving.size(), missing);
        routing.put(request.decisionId(), route);
        if (serving.isEmpty()) {
            route.giveUp();
            return;
        }
        for (ApprovalTransport transport : serving) {
            transport.present(request, why -> route.failed(transport.name() + ": " + why));
        }
    }

    @Override
    public void closed(ApprovalRequest request, Approval approval) {
        if (!presented.remove(request.decisionId())) {
            return; // ended before it was presented, or already taken back
        }
        routing.remove(request.decisionId());
        for (ApprovalTransport transport : transports.values()) {
            transport.withdraw(request, approval);
        }
        if (!approval.granted()) {
            webhook.ifPresent(w -> w.denied(request.decisionId(), request.tool(), request.ruleId(),
                    approval.reason() + " (" + approval.reviewer() + ")"));
        }
    }

    /** A rule denied a call: posts a {@code deny} notice where configured. Never blocks. */
    public void notifyDenied(Decision decision) {
        webhook.ifPresent(w -> w.denied(decision.id(), decision.tool(), decision.ruleId(), decision.reason()));
    }

    /** A rate limit or budget refused a call: posts a {@code rate_limit} notice where configured. Never blocks. */
    public void notifyRateLimited(Decision decision) {
        webhook.ifPresent(w -> w.notice(WebhookEvent.RATE_LIMIT, decision.id(), decision.tool(),
                decision.ruleId(), decision.reason()));
    }

    /** The reviewer server, when a label is served over HTTP. */
    public Optional<ApprovalHttpServer> httpServer() {
        return http;
    }

    @Override
    public void close() {
        closed = true;
        registry.removeListener(this);
        transports.values().forEach(ApprovalTransport::close);
        webhook.ifPresent(WebhookNotifier::close);
    }

    /** Which of a held call's transports can still reach someone. */
    private final class Routing {
        private final String decisionId;
        private final List<String> reasons;
        private int remaining;

        Routing(String decisionId, int remaining, List<String> reasons) {
            this.decisionId = decisionId;
            this.remaining = remaining;
            this.reasons = new ArrayList<>(reasons);
        }

        void failed(String why) {
            if (closed) {
                return;
            }
            boolean none;
            synchronized (this) {
                reasons.add(why);
                none = --remaining == 0;
            }
            if (none) {
                giveUp();
            }
        }

        void giveUp() {
            routing.remove(decisionId);
            String why;
            synchronized (this) {
                why = "no approval channel can reach a reviewer (" + String.join("; ", reasons) + ")";
            }
            registry.channelUnavailable(decisionId, why);
        }
    }
}
