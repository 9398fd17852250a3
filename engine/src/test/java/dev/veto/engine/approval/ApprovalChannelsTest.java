package dev.veto.engine.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Approval;
import dev.veto.engine.approval.ApprovalSettings.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Routing held calls to transports by the policy's channel label. */
class ApprovalChannelsTest {

    /** A transport that records what it was shown and can be told to fail. */
    static class Recording implements ApprovalTransport {
        final String name;
        final List<String> shown = new ArrayList<>();
        final List<String> withdrawn = new ArrayList<>();
        final List<Consumer<String>> failures = new ArrayList<>();
        String failAtOnce;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void present(ApprovalRequest request, Consumer<String> unavailable) {
            shown.add(request.decisionId());
            failures.add(unavailable);
            if (failAtOnce != null) {
                unavailable.accept(failAtOnce);
            }
        }

        @Override
        public void withdraw(ApprovalRequest request, Approval outcome) {
            withdrawn.add(request.decisionId());
        }

        @Override
        public void close() {
        }
    }

    private final ApprovalRegistry registry = new ApprovalRegistry();
    private final Recording console = new Recording("console");
    private final Recording http = new Recording("http");

    private ApprovalChannels channels(Map<String, String> config) {
        Map<Transport, ApprovalTransport> transports = new EnumMap<>(Transport.class);
        transports.put(Transport.CONSOLE, console);
        transports.put(Transport.HTTP, http);
        ApprovalChannels channels = new ApprovalChannels(registry, ApprovalSettings.parse(config), transports,
                Optional.empty());
        channels.listen();
        return channels;
    }

    @Test
    void aLabelGoesToItsTransportsAndAnUnknownLabelToTheDefault() {
        channels(Map.of("approval.channels.supervisors", "console,http", "approval.channels.finance", "http",
                "approval.default", "console"));
        registry.open(HeldCalls.request("s", "issue_refund", Map.of(), "supervisors", Duration.ofMinutes(1)));
        registry.open(HeldCalls.request("f", "issue_refund", Map.of(), "finance", Duration.ofMinutes(1)));
        registry.open(HeldCalls.request("u", "issue_refund", Map.of(), "no-such-label", Duration.ofMinutes(1)));
        assertEquals(List.of("s", "u"), console.shown);
        assertEquals(List.of("s", "f"), http.shown);
    }

    @Test
    void whenNoTransportCanReachAnyoneTheEscalationDecidesAtOnceSayingWhy() {
        channels(Map.of("approval.default", "console"));
        console.failAtOnce = "no terminal";
        registry.open(HeldCalls.refund("d", 900));
        // The registry already knows: no wait for the five-minute timeout.
        Approval approval = registry.await("d", Duration.ofMinutes(5));
        assertFalse(approval.granted());
        assertEquals(Approval.Outcome.CHANNEL_UNAVAILABLE, approval.outcome());
        assertEquals("escalation", approval.reviewer());
        assertTrue(approval.reason().contains("console: no terminal"), approval.reason());
        assertTrue(approval.reason().endsWith("escalation: deny"), approval.reason());
    }

    @Test
    void closingTheChannelsDoesNotLetTheEscalationDecideTheCallsTheyStillShowed() {
        // The console, closing (the agent closes the channels when the JVM exits), reports the calls still
        // queued as unreachable. That is not "nobody could be asked": an escalation of allow must not run
        // them on the way out; they stay held for their timeout or the engine's close.
        ApprovalChannels channels = channels(Map.of("approval.default", "console"));
        registry.open(new ApprovalRequest("queued", "issue_refund", Map.of("amount", 900), Map.of(), "refunds",
                "big", "default", Duration.ofMinutes(5), true, () -> "h", java.time.Instant.now()));
        channels.close();
        console.failures.get(0).accept("the console channel was closed");
        assertTrue(registry.find("queued").isPresent(),
                "closing the channels decided the call: " + registry.outcome("queued"));
    }

    @Test
    void oneTransportFailingIsNotEnoughWhileAnotherCanStillAnswer() {
        channels(Map.of("approval.default", "console,http"));
        console.failAtOnce = "no terminal";
        registry.open(HeldCalls.refund("d", 900));
        assertTrue(registry.find("d").isPresent(), "http can still answer");
        http.failures.get(0).accept("server stopped");
        Approval approval = registry.await("d", Duration.ofSeconds(1));
        assertEquals(Approval.Outcome.CHANNEL_UNAVAILABLE, approval.outcome());
        assertTrue(approval.reason().contains("console: no terminal; http: server stopped"), approval.reason());
    }

    @Test
    void aTransportThatWasNotStartedCountsAsUnavailable() {
        ApprovalChannels channels = new ApprovalChannels(registry, ApprovalSettings.parse(Map.of("approval.default", "http")),
                Map.of(), Optional.empty());
        registry.addListener(channels);
        registry.open(HeldCalls.refund("d", 900));
        assertEquals(Approval.Outcome.CHANNEL_UNAVAILABLE, registry.await("d", Duration.ofSeconds(1)).outcome());
    }

    @Test
    void anEscalationToAllowStillAppliesWhenNoChannelIsAvailable() {
        channels(Map.of("approval.default", "console"));
        console.failAtOnce = "no terminal";
        ApprovalRequest lenient = new ApprovalRequest("d", "lookup", Map.of(), Map.of(), "r", "why", "x",
                Duration.ofMinutes(1), true, () -> "h", java.time.Instant.now());
        registry.open(lenient);
        Approval approval = registry.await("d", Duration.ofSeconds(1));
        assertTrue(approval.granted());
        assertEquals(Approval.Outcome.CHANNEL_UNAVAILABLE, approval.outcome());
    }

    @Test
    void everyTransportIsToldWhenACallEnds() {
        channels(Map.of("approval.default", "console,http"));
        registry.open(HeldCalls.refund("d", 900));
        registry.resolve("d", true, "alice", "ok");
        assertEquals(List.of("d"), console.withdrawn);
        assertEquals(List.of("d"), http.withdrawn);
    }

    @Test
    void closingStopsListening() {
        ApprovalChannels channels = channels(Map.of("approval.default", "console"));
        channels.close();
        registry.open(HeldCalls.refund("d", 900));
        assertTrue(console.shown.isEmpty());
    }

    @Test
    void theUnavailableListenerDecidesEveryCallAtOnce() {
        registry.addListener(ApprovalChannels.unavailable(registry, "approval channels failed to start: port in use"));
        registry.open(HeldCalls.refund("d", 900));
        Approval approval = registry.await("d", Duration.ofMinutes(5));
        assertEquals(Approval.Outcome.CHANNEL_UNAVAILABLE, approval.outcome());
        assertTrue(approval.reason().startsWith("approval channels failed to start: port in use"));
    }

    @Test
    void callsHeldBeforeTheChannelsStartArePresentedWhenTheyStartAndOnlyOnce() {
        registry.open(HeldCalls.refund("early-1", 900));
        registry.open(HeldCalls.refund("early-2", 950));
        channels(Map.of("approval.default", "console"));
        registry.open(HeldCalls.refund("later", 990));
        assertEquals(List.of("early-1", "early-2", "later"), console.shown.stream().sorted().toList());
        registry.resolve("early-1", true, "alice", "ok");
        assertEquals(List.of("early-1"), console.withdrawn, "a call presented late is taken back when it ends");
    }

    @Test
    void aCallThatEndedBeforeTheChannelsStartIsNotPresented() {
        registry.open(HeldCalls.refund("gone", 900));
        registry.resolve("gone", false, "alice", "no");
        channels(Map.of("approval.default", "console"));
        assertTrue(console.shown.isEmpty());
        assertTrue(console.withdrawn.isEmpty());
    }

    @Test
    void aCallHeldBeforeTheChannelsStartStillGetsTheEscalationWhenNoTransportCanReachAnyone() {
        registry.open(HeldCalls.refund("early", 900));
        console.failAtOnce = "no terminal";
        channels(Map.of("approval.default", "console"));
        Approval approval = registry.await("early", Duration.ofMinutes(5));
        assertEquals(Approval.Outcome.CHANNEL_UNAVAILABLE, approval.outcome());
        assertTrue(approval.reason().contains("console: no terminal"), approval.reason());
    }

    @Test
    void channelsThatCannotStartDecideTheCallsAlreadyHeldAndTheLaterOnesAtOnce() {
        registry.open(HeldCalls.refund("early", 900));
        ApprovalChannels.markUnavailable(registry, "approval channels failed to start: port in use");
        registry.open(HeldCalls.refund("later", 900));
        for (String id : List.of("early", "later")) {
            // Both already decided: await returns the outcome without waiting for the five-minute timeout.
            assertTrue(registry.outcome(id).isPresent(), id + " is decided at once");
            Approval approval = registry.await(id, Duration.ofMinutes(5));
            assertFalse(approval.granted());
            assertEquals(Approval.Outcome.CHANNEL_UNAVAILABLE, approval.outcome());
            assertTrue(approval.reason().startsWith("approval channels failed to start: port in use"), approval.reason());
        }
    }
}
