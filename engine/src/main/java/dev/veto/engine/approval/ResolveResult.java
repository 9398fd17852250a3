package dev.veto.engine.approval;

/** What became of a reviewer's answer. */
public enum ResolveResult {
    /** The answer decided the held call. */
    RESOLVED,
    /** The call was already decided (or timed out); the answer changed nothing. */
    ALREADY_RESOLVED,
    /** No held call has that decision id. */
    UNKNOWN,
    /** The reviewer approved a different call (tool or arguments) from the one held; nothing changed. */
    CALL_MISMATCH
}
