package dev.veto.engine.approval.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.veto.engine.Approval;
import dev.veto.engine.approval.ApprovalJson;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalRequest;
import dev.veto.engine.approval.ApprovalTransport;
import dev.veto.engine.approval.ResolveResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Asks on the process's terminal. Held calls queue up and are asked one at a time, each prompt whole,
 * so answers never go to the wrong call. A call decided elsewhere meanwhile (the reviewer page, the
 * timeout) is dropped from the queue, or, if it is being asked, the prompt says so and moves on. Without
 * a terminal, or once it is gone, every call is reported unavailable so its escalation decides at once.
 *
 * <p>The terminal is read only while a prompt waits for its answer: the application may read the same
 * terminal (an interactive agent's chat), and a line read while nothing is asked would be taken from it.
 */
public final class ConsoleTransport implements ApprovalTransport {

    /** Marks the end of the terminal's input in the line queue. */
    private static final String END = new String("end of terminal");

    private final ApprovalRegistry registry;
    private final String reviewer;
    private final Terminal terminal;
    private final BlockingQueue<Prompt> prompts = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** A permit for each line the asker wants read; the reader reads nothing without one. */
    private final Semaphore wanted = new Semaphore(0);
    /** Whether a line has been asked for and not yet read. */
    private final AtomicBoolean reading = new AtomicBoolean();
    private final Thread asker;
    private final Thread reader;
    private volatile String goneBecause;

    private record Prompt(ApprovalRequest request, Consumer<String> unavailable) {
    }

    private ConsoleTransport(ApprovalRegistry registry, String reviewer, Terminal terminal, String goneBecause) {
        this.registry = registry;
        this.reviewer = reviewer;
        this.terminal = terminal;
        this.goneBecause = goneBecause;
        this.asker = new Thread(this::askLoop, "veto-approvals-console");
        this.reader = new Thread(this::readLoop, "veto-approvals-console-reader");
        asker.setDaemon(true);
        reader.setDaemon(true);
        if (terminal != null) {
            asker.start();
            reader.start();
        }
    }

    /** Opens the process's terminal; when there is none, says so once on {@code notices}. */
    public static ConsoleTransport start(ApprovalRegistry registry, String reviewer, PrintStream notices) {
        return start(registry, reviewer, notices, Terminal::open);
    }

    static ConsoleTransport start(ApprovalRegistry registry, String reviewer, PrintStream notices,
            Terminal.Opener opener) {
        try {
            return new ConsoleTransport(registry, reviewer, opener.open(), null);
        } catch (IOException | RuntimeException e) {
            String why = "no terminal (" + e.getMessage() + ")";
            notices.println("veto: approvals: console channel: " + why
                    + "; calls routed only to the console are decided by their escalation at once");
            return new ConsoleTransport(registry, reviewer, null, why);
        }
    }

    /** Asks on the given terminal (tests drive it through pipes). */
    public static ConsoleTransport on(ApprovalRegistry registry, String reviewer, Terminal terminal) {
        return new ConsoleTransport(registry, reviewer, terminal, null);
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void present(ApprovalRequest request, Consumer<String> unavailable) {
        String gone = goneBecause;
        if (gone != null) {
            unavailable.accept(gone);
            return;
        }
        prompts.add(new Prompt(request, unavailable));
        if (goneBecause != null) {
            failQueued();  // the terminal went away while this one was being queued
        }
    }

    @Override
    public void close() {
        if (goneBecause == null) {
            goneBecause = "the console channel was closed";
        }
        asker.interrupt();
        reader.interrupt();
        failQueued();
        if (terminal != null) {
            terminal.close();
        }
    }

    private void readLoop() {
        try {
            while (true) {
                wanted.acquire();
                String line = terminal.readLine();
                if (line == null) {
                    break;
                }
                reading.set(false);
                lines.add(line);
            }
        } catch (IOException e) {
            // the terminal is gone: same as end of input
        } catch (InterruptedException e) {
            return; // closed
        }
        lines.add(END);
    }

    private void askLoop() {
        try {
            while (goneBecause == null) {
                Prompt prompt = prompts.take();
                if (registry.find(prompt.request().decisionId()).isPresent()) {
                    ask(prompt);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ask(Prompt prompt) throws InterruptedException {
        ApprovalRequest request = prompt.request();
        // the answer binds to the call as shown: if its arguments change before the answer, it is shown again
        String shownHash = request.argumentsHash();
        discardTypedAhead();
        terminal.print(describe(request));
        while (true) {
            terminal.print("Approve " + TerminalText.safe(request.tool()) + "? [a]pprove or [d]eny, then an optional reason: ");
            String line = nextLine(request);
            if (line == null) {
                terminal.print("\n(" + request.decisionId() + " was decided elsewhere)\n\n");
                return;
            }
            if (line == END) {
                goneBecause = "the terminal closed before an answer";
                prompt.unavailable().accept(goneBecause);
                failQueued();
                return;
            }
            Answer answer = Answer.parse(line);
            if (answer == null) {
                terminal.print("Please answer a (approve) or d (deny).\n");
                continue;
            }
            String reason = answer.reason().isEmpty()
                    ? (answer.granted() ? "approved" : "denied") + " on the console"
                    : answer.reason();
            ResolveResult result = registry.resolve(request.decisionId(), answer.granted(), reviewer, reason,
                    shownHash);
            if (result == ResolveResult.CALL_MISMATCH) {
                terminal.print("Not recorded: the call's arguments changed after they were shown. Here it is again.\n");
                shownHash = request.argumentsHash();
                discardTypedAhead();
                terminal.print(describe(request));
                continue;
            }
            terminal.print(result == ResolveResult.RESOLVED
                    ? (answer.granted() ? "Approved.\n\n" : "Denied.\n\n")
                    : "Not recorded: the call was already decided elsewhere.\n\n");
            return;
        }
    }

    /**
     * Drops the lines typed before a call is shown: an answer meant for a call decided elsewhere meanwhile,
     * or typed ahead, must not decide a call its reviewer has not seen. The end of the terminal is kept.
     */
    private void discardTypedAhead() {
        List<String> typed = new ArrayList<>();
        lines.drainTo(typed);
        for (String line : typed) {
            if (line == END) {
                lines.add(END);
                return;
            }
        }
    }

    /** The next line typed, or null when the call is decided elsewhere first. */
    private String nextLine(ApprovalRequest request) throws InterruptedException {
        if (reading.compareAndSet(false, true)) {
            wanted.release();
        }
        while (true) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                return line;
            }
            if (registry.find(request.decisionId()).isEmpty()) {
                return null;
            }
        }
    }

    private void failQueued() {
        List<Prompt> left = new ArrayList<>();
        prompts.drainTo(left);
        for (Prompt p : left) {
            p.unavailable().accept(goneBecause);
        }
    }

    static String describe(ApprovalRequest request) {
        StringBuilder text = new StringBuilder("\n=== Approval needed: ").append(request.decisionId()).append(" ===\n");
        line(text, "tool", request.tool());
        line(text, "rule", request.ruleId());
        line(text, "reason", request.reason());
        line(text, "arguments", json(request.arguments()));
        line(text, "context", json(request.context()));
        if (request.requestedAt() != null && request.timeout() != null) {
            line(text, "expires", request.requestedAt().plus(request.timeout()) + " (then the escalation "
                    + (request.escalateToAllow() ? "allows" : "denies") + ")");
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        String shown = TerminalText.safe(value == null ? "-" : value).replace("\n", "\n           ");
        text.append(String.format(Locale.ROOT, "%-10s %s%n", label + ":", shown));
    }

    private static String json(Object value) {
        try {
            return ApprovalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ApprovalJson.value(value));
        } catch (JsonProcessingException e) {
            return "(cannot show: " + e.getOriginalMessage() + ")";
        }
    }

    @Override
    public void withdraw(ApprovalRequest request, Approval outcome) {
        prompts.removeIf(p -> p.request().decisionId().equals(request.decisionId()));
    }

    /** A typed answer: approve or deny, and the rest of the line as the reason. */
    record Answer(boolean granted, String reason) {
        static Answer parse(String line) {
            String trimmed = line.strip();
            int space = trimmed.indexOf(' ');
            String word = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
            String rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
            return switch (word) {
                case "a", "approve", "y", "yes" -> new Answer(true, rest);
                case "d", "deny", "n", "no" -> new Answer(false, rest);
                default -> null;
            };
        }
    }
}
