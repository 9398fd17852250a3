package dev.veto.engine.policy;

import java.time.Duration;

/**
 * {@code approval:}: how a call is held for a person.
 *
 * @param channel         a label; which transport serves it is configuration (an unknown label uses the default)
 * @param timeout         how long the call is held before the escalation decides
 * @param escalateToAllow {@code escalation: allow}; deny unless the policy says so
 */
public record ApprovalSpec(String channel, Duration timeout, boolean escalateToAllow) {

    /** What a {@code require_approval} without an {@code approval:} block gets. */
    public static final ApprovalSpec DEFAULT = new ApprovalSpec("default", Duration.ofMinutes(5), false);
}
