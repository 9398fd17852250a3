package dev.veto.engine.approval.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Approval;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalRequest;
import dev.veto.engine.approval.HeldCalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console prompt, driven through pipes (the pseudo-terminal test drives the real thing). */
class ConsoleTransportTest {

    private final ApprovalRegistry registry = new ApprovalRegistry();
    private final StringBuffer screen = new StringBuffer();
    private final PipedWriter keyboard = new PipedWriter();
    private final List<String> unavailable = new ArrayList<>();
    private ConsoleTransport console;

    private void start() throws IOException {
        start(new PipedReader(keyboard));
    }

    private void start(java.io.Reader keys) {
        Writer out = new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                screen.append(chars, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        console = ConsoleTransport.on(registry, "carol", Terminal.of(keys, out));
    }

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    private void hold(ApprovalRequest request) {
        registry.open(request);
        console.present(request, why -> unavailable.add(request.decisionId() + ": " + why));
    }

    private void type(String line) throws IOException {
        keyboard.write(line + "\n");
        keyboard.flush();
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private int prompts() {
        return screen.toString().split("\\[a]pprove or \\[d]eny", -1).length - 1;
    }

    @Test
    void heldCallsAreAskedOneAtATimeAndEachAnswerGoesToItsOwnCall() throws Exception {
        start();
        hold(HeldCalls.refund("first", 500));
        hold(HeldCalls.refund("second", 900));
        waitFor(() -> prompts() == 1, "the first prompt");
        String shown = screen.toString();
        assertTrue(shown.contains("=== Approval needed: first ==="), shown);
        assertFalse(shown.contains("second"), "the second call waits its turn: " + shown);
        assertTrue(shown.contains("tool:      issue_refund"), shown);
        assertTrue(shown.contains("rule:      refund-limits"), shown);
        assertTrue(shown.contains("Refunds above 200 need a supervisor's approval"), shown);
        assertTrue(shown.contains("\"amount\" : 500"), shown);
        assertTrue(shown.contains("\"role\" : \"support_l1\""), shown);

        type("a customer verified");
        Approval first = registry.await("first", Duration.ofSeconds(30));
        assertTrue(first.granted());
        assertEquals("carol", first.reviewer());
        assertEquals("customer verified", first.reason());

        waitFor(() -> prompts() == 2, "the second prompt");
        assertTrue(screen.toString().contains("=== Approval needed: second ==="));
        type("maybe");
        waitFor(() -> screen.toString().contains("Please answer a (approve) or d (deny)."), "the hint");
        type("deny");
        Approval second = registry.await("second", Duration.ofSeconds(30));
        assertFalse(second.granted());
        assertEquals(Approval.Outcome.DENIED, second.outcome());
        assertEquals("denied on the console", second.reason());
    }

    @Test
    void anAnswerToArgumentsThatChangedAfterTheyWereShownIsNotRecordedAndTheCallIsShownAgain() throws Exception {
        start();
        Map<String, Object> arguments = new ConcurrentHashMap<>(Map.of("order_id", "A-1", "amount", 500));
        hold(HeldCalls.request("moved", "issue_refund", arguments, "supervisors", Duration.ofMinutes(5)));
        waitFor(() -> prompts() == 1, "the first prompt");
        arguments.put("amount", 50_000);   // changed by another thread while the reviewer reads

        type("a looks fine");
        waitFor(() -> prompts() == 2, "the call shown again");
        String shown = screen.toString();
        String again = shown.substring(shown.indexOf("Not recorded: the call's arguments changed after they were shown"));
        assertTrue(again.contains("=== Approval needed: moved ===") && again.contains("\"amount\" : 50000"), shown);
        assertTrue(registry.find("moved").isPresent(), "the approval of the old arguments did not decide the call");

        type("d");
        Approval approval = registry.await("moved", Duration.ofSeconds(30));
        assertFalse(approval.granted());
        assertEquals(Approval.Outcome.DENIED, approval.outcome());
    }

    @Test
    void aCallDecidedElsewhereIsDroppedFromTheConsole() throws Exception {
        start();
        hold(HeldCalls.refund("asked", 500));
        hold(HeldCalls.refund("queued", 600));
        waitFor(() -> prompts() == 1, "the first prompt");
        registry.resolve("queued", true, "dave", "via the page");   // never shown: it was still queued
        console.withdraw(HeldCalls.refund("queued", 600), registry.outcome("queued").orElseThrow());
        registry.resolve("asked", false, "dave", "via the page");
        waitFor(() -> screen.toString().contains("(asked was decided elsewhere)"), "the prompt to move on");
        type("a");   // an answer typed late goes nowhere
        Thread.sleep(300);
        assertFalse(screen.toString().contains("queued ==="), screen.toString());
        assertEquals("dave", registry.outcome("asked").orElseThrow().reviewer());
    }

    @Test
    void anAnswerTypedBeforeACallWasShownDoesNotDecideIt() throws Exception {
        start();
        hold(HeldCalls.refund("asked", 500));
        waitFor(() -> prompts() == 1, "the first prompt");
        registry.resolve("asked", false, "dave", "via the page");
        waitFor(() -> screen.toString().contains("(asked was decided elsewhere)"), "the prompt to move on");
        type("a");   // typed for the call that is gone (or for anything else on this terminal)
        Thread.sleep(300);

        hold(HeldCalls.refund("unseen", 50_000));
        waitFor(() -> prompts() == 2, "the new call's prompt");
        Thread.sleep(600);
        assertTrue(registry.find("unseen").isPresent(),
                "an answer typed before the call was shown must not decide it: " + registry.outcome("unseen"));
        type("d");
        Approval approval = registry.await("unseen", Duration.ofSeconds(30));
        assertFalse(approval.granted());
        assertEquals(Approval.Outcome.DENIED, approval.outcome());
    }

    @Test
    void theTerminalIsNotReadWhileNoCallIsAsked() throws Exception {
        // The application may read the same terminal (an interactive agent's chat): a line the console takes
        // while it asks nothing is a line the application never gets.
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        PipedReader counting = new PipedReader(keyboard) {   // a pipe, so closing never waits on a read
            @Override
            public synchronized int read(char[] chars, int off, int len) throws IOException {
                reads.incrementAndGet();
                return super.read(chars, off, len);
            }
        };
        start(counting);
        type("the application's own input");
        Thread.sleep(500);
        assertEquals(0, reads.get(), "the console read the terminal while no call was held");

        hold(HeldCalls.refund("asked", 500));
        waitFor(() -> prompts() >= 1, "the prompt");
        Thread.sleep(300);
        assertTrue(registry.find("asked").isPresent(), "the line typed before the prompt did not answer it");
        type("d");
        assertEquals(Approval.Outcome.DENIED, registry.await("asked", Duration.ofSeconds(30)).outcome());
    }

    @Test
    void whenTheTerminalClosesEveryWaitingCallIsReportedUnavailable() throws Exception {
        start();
        hold(HeldCalls.refund("one", 500));
        hold(HeldCalls.refund("two", 600));
        waitFor(() -> prompts() == 1, "the first prompt");
        keyboard.close();
        waitFor(() -> unavailable.size() == 2, "both calls to be reported");
        assertEquals(List.of("one: the terminal closed before an answer", "two: the terminal closed before an answer"),
                unavailable);
        hold(HeldCalls.refund("three", 700));
        assertEquals("three: the terminal closed before an answer", unavailable.get(2));
    }

    @Test
    void withoutATerminalTheChannelSaysSoAndReportsEveryCallUnavailable() {
        ByteArrayOutputStream notices = new ByteArrayOutputStream();
        // Started detached from any terminal (setsid), as under CI; the pseudo-terminal test covers a real one.
        ConsoleTransport none = ConsoleTransport.start(registry, "x", new PrintStream(notices, true), () -> {
            throw new IOException("No such device or address");
        });
        none.present(HeldCalls.refund("d", 500), why -> unavailable.add(why));
        assertEquals(List.of("no terminal (No such device or address)"), unavailable);
        assertTrue(notices.toString(StandardCharsets.UTF_8).contains(
                "console channel: no terminal (No such device or address); calls routed only to the console are "
                        + "decided by their escalation at once"));
        none.close();
    }

    @Test
    void escapeSequencesInArgumentsAreShownNotObeyed() throws Exception {
        start();
        hold(HeldCalls.request("esc", "send_email", Map.of("body", "hi\u001b[2J\u001b]0;pwned\u0007 \u202eevil"),
                "x", Duration.ofMinutes(1)));
        waitFor(() -> prompts() == 1, "the prompt");
        String shown = screen.toString();
        assertFalse(shown.contains("\u001b"), "no raw ESC reaches the terminal");
        assertFalse(shown.contains("\u202e"), "no bidi override reaches the terminal");
        assertTrue(shown.contains("\\u202e"), shown);
    }
}
