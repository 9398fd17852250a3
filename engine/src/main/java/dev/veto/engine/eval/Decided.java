package dev.veto.engine.eval;

import dev.veto.engine.Action;
import dev.veto.engine.policy.ApprovalSpec;

/**
 * What enforce mode does with one call, after the rules and then the rate limits and budgets.
 *
 * @param action      allow, deny or require_approval
 * @param reason      why
 * @param ruleId      the deciding rule (or the rule whose limit refused), null for default_action
 * @param location    {@code rules[i]} / {@code rules[i].conditions[j]} that decided, or null
 * @param approval    for require_approval: how to hold the call
 * @param onGrant     for require_approval: the limits to apply if the call is granted
 */
public record Decided(Action action, String reason, String ruleId, String location, ApprovalSpec approval,
        LimitsOnGrant onGrant) {
}
