package dev.veto.engine.eval;

import dev.veto.engine.Action;
import dev.veto.engine.policy.ApprovalSpec;
import dev.veto.engine.policy.Rule;
import java.util.List;

/**
 * What the rules decided about one call, before rate limits and budgets are applied.
 *
 * @param action    the winning action (deny beats require_approval beats allow), or default_action
 * @param rule      the deciding rule (the first in file order with the winning action), or null for default_action
 * @param location  {@code rules[i]} or {@code rules[i].conditions[j]} that decided, or null for default_action
 * @param reason    why
 * @param approval  how to hold the call when the action is require_approval; else null
 * @param limited   the rules with constraints that would let this call through: their limits must all pass
 * @param ruleId    the deciding rule's id, or null: kept here so that a decision reads no rule object
 */
public record Verdict(Action action, Rule rule, String location, String reason, ApprovalSpec approval,
        List<CompiledRule> limited, String ruleId) {

    Verdict(Action action, Rule rule, String location, String reason, ApprovalSpec approval, List<CompiledRule> limited) {
        this(action, rule, location, reason, approval, limited, rule == null ? null : rule.id());
    }

    /** The highest rank: nothing outranks a deny. */
    static final int DENY_RANK = 2;

    /** Precedence across rules: deny beats require_approval beats allow. */
    static int rank(Action action) {
        return switch (action) {
            case ALLOW -> 0;
            case APPROVAL_REQUIRED -> 1;
            case DENY -> DENY_RANK;
        };
    }

    Verdict withLimited(List<CompiledRule> limitedRules) {
        return new Verdict(action, rule, location, reason, approval, limitedRules, ruleId);
    }
}
