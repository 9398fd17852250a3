package dev.veto.engine.policy;

import dev.veto.engine.Action;
import java.util.List;

/**
 * One entry of {@code rules:}.
 *
 * @param index      position in {@code rules:} (0-based)
 * @param id         {@code id:}, or {@code rules[i]} when absent
 * @param tool       which tools the rule is about
 * @param action     {@code action:} for a rule without conditions; null when it has conditions
 * @param reason     {@code reason:}, used by conditions that give none; may be null
 * @param approval   how {@code action: require_approval} holds calls; null otherwise
 * @param rateLimit  {@code constraints.rate_limit}, or null
 * @param budget     {@code constraints.budget}, or null
 * @param conditions {@code conditions:} (empty when the rule has an action)
 */
public record Rule(
        int index,
        String id,
        ToolPattern tool,
        Action action,
        String reason,
        ApprovalSpec approval,
        RateLimitSpec rateLimit,
        BudgetSpec budget,
        List<Condition> conditions) {

    /** {@code rules[i]}: where the rule is in the file. */
    public String location() {
        return "rules[" + index + "]";
    }
}
