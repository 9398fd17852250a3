package dev.veto.engine.eval;

import dev.veto.engine.Action;
import dev.veto.engine.policy.ApprovalSpec;
import dev.veto.engine.policy.Rule;
import java.util.List;

/**
 * What the rules decided about one call, before rate limits and budgets are applied.
 *
 * @param action    the winning action (deny beats require_approval beats allow), or default_action
 * @param rule      the deciding rule (the first in file order with the winning action; a rule that denies by
 *                  its own action before one that could not be evaluated), or null for default_action
 * @param location  {@code rules[i]} or {@code rules[i].conditions[j]} that decided, or null for default_action
 * @param reason    why
 * @param approval  how to hold the call when the action is require_approval; else null
 * @param limited   the rules with constraints that would let this call through: their limits must all pass
 * @param ruleId    the deciding rule's id, or null: kept here so that a decision reads no rule object
 * @param unevaluable whether this is the deny of a rule that could not be evaluated (an evaluation error)
 *                  rather than the rule's own opinion
 */
public record Verdict(Action action, Rule rule, String location, String reason, ApprovalSpec approval,
        List<CompiledRule> limited, String ruleId, boolean unevaluable) {

    /** A rule's own opinion, or default_action's. */
    Verdict(Action action, Rule rule, String location, String reason, ApprovalSpec approval, List<CompiledRule> limited) {
        this(action, rule, location, reason, approval, limited, rule == null ? null : rule.id(), false);
    }

    /** The deny of a rule that could not be evaluated, saying why. */
    static Verdict unevaluable(Rule rule, String location, String reason) {
        return new Verdict(Action.DENY, rule, location, reason, null, List.of(), rule.id(), true);
    }

    /**
     * What decides between the best opinion the rules gave and the first rule, in file order, that could not
     * be evaluated (either may be null): a deny the rules gave, then the failure (a deny too), then the
     * opinion. A rule's own deny is the more specific answer; an error never lets a call through.
     */
    static Verdict decides(Verdict best, Verdict firstFailure) {
        if (firstFailure == null || best != null && best.action() == Action.DENY) {
            return best;
        }
        return firstFailure;
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
        return new Verdict(action, rule, location, reason, approval, limitedRules, ruleId, unevaluable);
    }
}
