package dev.veto.engine.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.approval.ApprovalSettings.Transport;
import dev.veto.engine.approval.webhook.WebhookEvent;
import dev.veto.engine.approval.webhook.WebhookFormat;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalSettingsTest {

    @Test
    void nothingConfiguredMeansTheConsoleForEveryLabelAndALoopbackServerWhenUsed() {
        ApprovalSettings s = ApprovalSettings.parse(Map.of());
        assertEquals(Set.of(Transport.CONSOLE), s.transportsFor("supervisors"));
        assertEquals("127.0.0.1", s.httpBind());
        assertEquals(0, s.httpPort());
        assertTrue(s.httpToken().isEmpty());
        assertTrue(s.webhookUrl().isEmpty());
    }

    @Test
    void labelsMapToTransportsAndAnUnknownLabelGetsTheDefault() {
        ApprovalSettings s = ApprovalSettings.parse(Map.of(
                "approval.channels.supervisors", "console, http",
                "approval.channels.finance", "http",
                "approval.default", "http",
                "policy", "/etc/veto/p.yaml"));   // not an approval key: ignored
        assertEquals(Set.of(Transport.CONSOLE, Transport.HTTP), s.transportsFor("supervisors"));
        assertEquals(Set.of(Transport.HTTP), s.transportsFor("finance"));
        assertEquals(Set.of(Transport.HTTP), s.transportsFor("legal"));
        assertEquals(Set.of(Transport.HTTP), s.transportsFor(null));
    }

    @Test
    void webhookSettingsAreRead() {
        ApprovalSettings s = ApprovalSettings.parse(Map.of(
                "approval.webhook.url", "https://hooks.example/T1",
                "approval.webhook.format", "slack",
                "approval.webhook.events", "pending,deny,rate_limit",
                "approval.webhook.timeout", "1500ms",
                "approval.webhook.retries", "5"));
        assertEquals("https://hooks.example/T1", s.webhookUrl().orElseThrow().toString());
        assertEquals(WebhookFormat.SLACK, s.webhookFormat());
        assertEquals(Set.of(WebhookEvent.PENDING, WebhookEvent.DENY, WebhookEvent.RATE_LIMIT), s.webhookEvents());
        assertEquals(Duration.ofMillis(1500), s.webhookTimeout());
        assertEquals(5, s.webhookRetries());
    }

    @Test
    void badKeysAndValuesAreRefusedNamingTheKeyAndWhatWasExpected() {
        assertMessage(Map.of("approval.htp.port", "80"), "unknown approval setting 'approval.htp.port'");
        assertMessage(Map.of("approval.http.port", "eighty"),
                "approval.http.port: 'eighty' is not valid; expected a whole number from 0 to 65535");
        assertMessage(Map.of("approval.http.port", "70000"), "approval.http.port: '70000'");
        assertMessage(Map.of("approval.channels.supervisors", "console,email"),
                "approval.channels.supervisors: 'console,email' is not valid; expected a comma-separated list of console, http");
        assertMessage(Map.of("approval.default", ""), "approval.default: '' is not valid; expected at least one of");
        assertMessage(Map.of("approval.webhook.url", "ftp://x/y"), "approval.webhook.url: the value (not shown");
        assertMessage(Map.of("approval.webhook.format", "xml"), "expected json or slack");
        assertMessage(Map.of("approval.webhook.events", "pending,allow"),
                "expected a comma-separated list of pending, deny, rate_limit");
        assertMessage(Map.of("approval.webhook.timeout", "0s"), "expected a positive duration");
        assertMessage(Map.of("approval.channels.", "http"), "a channel label after 'approval.channels.'");
    }

    /**
     * A webhook URL carries its credential (a Slack hook's path, a user:password): the agent masks it in its own
     * messages, but a bad one was quoted here, and the agent's refusal of every governed call carries this
     * message to the model as the tool's result.
     */
    @Test
    void aBadWebhookUrlIsRefusedWithoutQuotingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApprovalSettings.parse(
                Map.of("approval.webhook.url", "ftp://user:SECRETPW@hooks.example/services/T0/SECRETPATH")));
        assertEquals("approval.webhook.url: the value (not shown: it may hold a credential) is not valid;"
                + " expected an absolute http:// or https:// URL", e.getMessage());
    }

    private static void assertMessage(Map<String, String> config, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApprovalSettings.parse(config));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
