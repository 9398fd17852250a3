package dev.veto.engine.approval.console;

import dev.veto.engine.Approval;
import dev.veto.engine.approval.ApprovalChannels;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalSettings;
import dev.veto.engine.approval.HeldCalls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A process that holds two calls at once and waits for them to be answered on its terminal; the
 * pseudo-terminal test runs it in tmux and types the answers. Writes one line per outcome to args[0].
 */
public final class ConsolePromptFixture {

    private ConsolePromptFixture() {
    }

    public static void main(String[] args) throws Exception {
        ApprovalRegistry registry = new ApprovalRegistry();
        try (ApprovalChannels channels = ApprovalChannels.start(registry, ApprovalSettings.parse(Map.of(
                "approval.channels.supervisors", "console", "approval.console.reviewer", "pty-reviewer")), System.err)) {
            System.out.println("fixture started");   // stdout is redirected: the prompt must not go here
            // Held in this order (open does not block), then awaited on two threads at once.
            List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (String id : List.of("first", "second")) {
                registry.open(HeldCalls.refund(id, id.equals("first") ? 450 : 3900));
            }
            for (String id : List.of("first", "second")) {
                CompletableFuture<String> outcome = new CompletableFuture<>();
                Thread waiter = new Thread(() -> {
                    Approval a = registry.await(id, Duration.ofMinutes(2));
                    outcome.complete(id + "|" + a.outcome() + "|" + a.reviewer() + "|" + a.reason());
                }, "held-" + id);
                waiter.start();
                outcomes.add(outcome);
            }
            List<String> lines = new ArrayList<>();
            for (CompletableFuture<String> outcome : outcomes) {
                lines.add(outcome.join());
            }
            Files.write(Path.of(args[0] + ".tmp"), lines, StandardCharsets.UTF_8);
            Files.move(Path.of(args[0] + ".tmp"), Path.of(args[0]));
        }
    }
}
