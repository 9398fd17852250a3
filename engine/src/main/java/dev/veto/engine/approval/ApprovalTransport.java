package dev.veto.engine.approval;

import dev.veto.engine.Approval;
import java.util.function.Consumer;

/**
 * One way a held call reaches a person who can answer it (the console, the reviewer page). Answers go to
 * {@link ApprovalRegistry#resolve}; the transport only shows the call and collects the answer.
 */
public interface ApprovalTransport extends AutoCloseable {

    /** The name used in configuration ({@code console}, {@code http}). */
    String name();

    /**
     * Shows a held call to reviewers. Must not block. When this transport cannot reach anyone for the
     * call (now, or later, e.g. the terminal closed before the answer), it calls {@code unavailable} once
     * with the reason.
     */
    void present(ApprovalRequest request, Consumer<String> unavailable);

    /** The held call ended (answered here, elsewhere, or by the escalation): stop showing it. */
    default void withdraw(ApprovalRequest request, Approval outcome) {
    }

    /** Releases threads, sockets and terminals. */
    @Override
    void close();
}
