package dev.veto.engine.policy;

import dev.veto.engine.Action;
import dev.veto.engine.match.Expression;

/**
 * One entry of a rule's {@code conditions:}.
 *
 * @param location {@code rules[i].conditions[j]}
 * @param match    the compiled {@code match:}
 * @param action   what the rule says when the match holds
 * @param reason   {@code reason:}, or null (the rule's reason applies)
 * @param approval how {@code require_approval} holds the call; null for other actions
 */
public record Condition(String location, Expression match, Action action, String reason, ApprovalSpec approval) {
}
