package dev.veto.engine.approval.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Approval;
import dev.veto.engine.approval.ApprovalChannels;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalSettings;
import dev.veto.engine.approval.HeldCalls;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reviewer page in a real headless Chromium at a phone's size: a held call appears without a reload,
 * attacker-controlled arguments are shown as text and never run, and a click on Approve releases the
 * blocked call. The screenshot is left at {@code engine/target/reviewer-page-phone.png}.
 */
class ReviewerPageBrowserTest {

    private static final String XSS = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";

    private final ApprovalRegistry registry = new ApprovalRegistry();
    private ApprovalChannels channels;
    private HeadlessChromium browser;

    @BeforeEach
    void start() throws Exception {
        Path chromium = HeadlessChromium.find().orElse(null);
        Assumptions.assumeTrue(chromium != null, "SKIPPED: chromium is not installed, so the reviewer page was not "
                + "tested in a browser (scripts/install-test-deps.sh installs it where apt-get works)");
        channels = ApprovalChannels.start(registry, ApprovalSettings.parse(Map.of("approval.default", "http")),
                new PrintStream(new ByteArrayOutputStream(), true));
        browser = new HeadlessChromium(chromium);
        browser.phoneViewport(390, 844);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (channels != null) {
            channels.close();
        }
    }

    @Test
    void aReviewerApprovesOnAPhoneSizedPageAndTheBlockedCallRuns() throws Exception {
        ApprovalHttpServer server = channels.httpServer().orElseThrow();
        registry.open(HeldCalls.request("refund-1", "issue_refund",
                Map.of("order_id", "A-1009", "amount", 4200, "note", XSS), "supervisors", Duration.ofMinutes(5)));
        CompletableFuture<Approval> blocked = CompletableFuture.supplyAsync(
                () -> registry.await("refund-1", Duration.ofMinutes(5)));

        browser.navigate(server.url() + "#token=" + server.token());
        browser.waitUntil("document.querySelectorAll('.card').length === 1", "the held call");

        // The token left the address bar; the page keeps it in this tab only.
        assertEquals("", browser.evaluate("location.hash").asText());
        assertEquals(server.token(), browser.evaluate("sessionStorage.getItem('veto.token')").asText());
        assertEquals("", browser.evaluate("document.cookie").asText());

        // Attacker-controlled arguments are text, never markup.
        assertTrue(browser.evaluate("document.querySelector('.card .arguments').textContent").asText()
                .contains("<img src=x onerror=\\\"window.__pwned=1\\\"><script>window.__pwned=2</script>"));
        assertEquals(0, browser.evaluate("document.querySelectorAll('.card img, .card script').length").asInt());
        assertTrue(browser.evaluate("window.__pwned === undefined").asBoolean());
        assertEquals("issue_refund", browser.evaluate("document.querySelector('.card .tool').textContent").asText());
        assertTrue(browser.evaluate("document.querySelector('.card .reason').textContent").asText()
                .contains("Refunds above 200"));

        // Fits a phone: nothing wider than the screen.
        browser.screenshot(Path.of("target", "reviewer-page-phone.png"));
        assertTrue(browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean(),
                "the page scrolls sideways on a phone: " + browser.evaluate(
                        "document.documentElement.scrollWidth + ' > ' + window.innerWidth").asText());

        // Approve without a name: refused in the page, nothing sent.
        browser.click(".card .approve");
        browser.waitUntil("document.querySelector('.card .result').textContent.includes('Enter your name')", "the hint");
        assertTrue(registry.find("refund-1").isPresent());

        browser.type("#reviewer-input", "Grace");
        browser.type(".card .answer-reason", "matches the RMA");
        browser.click(".card .approve");
        Approval approval = blocked.get(60, TimeUnit.SECONDS);
        assertTrue(approval.granted());
        assertEquals("Grace", approval.reviewer());
        assertEquals("matches the RMA", approval.reason());
        browser.waitUntil("document.querySelector('.card .result').textContent === 'Approved by Grace.'", "the result");

        // A call held later appears without a reload, and Deny denies it.
        registry.open(HeldCalls.refund("refund-2", 9000));
        CompletableFuture<Approval> second = CompletableFuture.supplyAsync(
                () -> registry.await("refund-2", Duration.ofMinutes(5)));
        browser.waitUntil("document.querySelector('.card[data-id=\"refund-2\"]') !== null", "the second call");
        browser.click(".card[data-id=\"refund-2\"] .deny");
        Approval denied = second.get(60, TimeUnit.SECONDS);
        assertFalse(denied.granted());
        assertEquals("Grace", denied.reviewer());
        assertEquals(Approval.Outcome.DENIED, denied.outcome());
        assertTrue(Files.size(Path.of("target", "reviewer-page-phone.png")) > 1000);
    }

    @Test
    void withoutATokenThePageAsksForOneAndAWrongOneIsRejected() throws Exception {
        ApprovalHttpServer server = channels.httpServer().orElseThrow();
        registry.open(HeldCalls.refund("refund-3", 800));
        browser.navigate(server.url().toString());
        browser.waitUntil("!document.getElementById('login').hidden", "the token form");
        assertEquals(0, browser.evaluate("document.querySelectorAll('.card').length").asInt());

        browser.type("#token-input", "not-the-token");
        browser.click("#login button");
        browser.waitUntil("document.getElementById('status').textContent.includes('not accepted')", "the refusal");
        assertEquals(0, browser.evaluate("document.querySelectorAll('.card').length").asInt());

        browser.type("#token-input", server.token());
        browser.click("#login button");
        browser.waitUntil("document.querySelectorAll('.card').length === 1", "the held call");
        assertTrue(registry.find("refund-3").isPresent(), "looking changes nothing");
    }
}
