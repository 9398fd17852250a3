package dev.veto.engine.approval;

import dev.veto.engine.Approval;

/** Told of every held call and of how it ended; approval channels (console, HTTP, webhook) are listeners. */
public interface ApprovalListener {

    /** A call is now held. Must not block: channels do their I/O on their own threads. */
    void opened(ApprovalRequest request);

    /** A held call ended. */
    default void closed(ApprovalRequest request, Approval approval) {
    }
}
