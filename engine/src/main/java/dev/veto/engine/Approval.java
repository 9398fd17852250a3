package dev.veto.engine;

/**
 * How a held call ended.
 *
 * @param granted      whether the call may run
 * @param reviewer     who decided: a person's name, or {@code "escalation"} when the timeout decided
 * @param reason       the reviewer's or the escalation's reason
 * @param outcome      what happened
 * @param waitedMillis how long the call was held
 */
public record Approval(boolean granted, String reviewer, String reason, Outcome outcome, long waitedMillis) {

    /** The ways a held call can end. */
    public enum Outcome {
        GRANTED, DENIED, TIMED_OUT, CHANNEL_UNAVAILABLE, UNKNOWN_DECISION,
        /** Granted, but a rate limit or budget of the call's rules refused it when the grant came. */
        LIMIT_REACHED,
        /** Granted, but the decision log could not be written when the grant came: no call runs unrecorded. */
        LOG_UNAVAILABLE
    }
}
