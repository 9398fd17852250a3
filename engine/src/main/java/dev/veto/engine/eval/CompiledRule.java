package dev.veto.engine.eval;

import dev.veto.engine.Action;
import dev.veto.engine.limit.BudgetLimiter;
import dev.veto.engine.limit.RateLimiter;
import dev.veto.engine.log.Redactor;
import dev.veto.engine.policy.Condition;
import dev.veto.engine.policy.Rule;
import java.util.List;

/**
 * A rule ready for the hot path: the state its constraints keep, and the opinions it can give.
 *
 * <p>Limits: the rate limiter and the budget (null when it has none). Limiters survive a reload when the
 * rule's id and constraint are unchanged, so reloading a policy does not reset its counters.
 *
 * <p>Opinions: when its checks evaluate without error a rule can only give one of a few verdicts, which
 * depend on the policy text alone (action, location, reason, approval). They are built here once, so a call
 * hands out these instances instead of building a verdict, its reason and its location string; only an
 * evaluation error, whose reason names the failing check, builds one on the call. They are kept in this
 * object itself, with the conditions as an array, because each object a call has to reach is one more
 * memory access for each of the rules of a tool, on every call.
 *
 * @param conditions the rule's conditions (empty for a rule with {@code action:})
 * @param onMatch    {@code onMatch[i]}: the opinion when condition {@code i} is the first to hold
 * @param always     the opinion of a rule with {@code action:}; null for a rule with conditions
 * @param redactor   the policy's {@code redact:} paths, for the reasons of evaluation errors
 */
public record CompiledRule(Rule rule, RateLimiter rateLimiter, BudgetLimiter budgetLimiter,
        Condition[] conditions, Verdict[] onMatch, Verdict always, Redactor redactor) {

    /**
     * The rule with its limiters and the opinions it can give.
     *
     * @param redactor the policy's {@code redact:}: the reason of an evaluation error quotes no value it masks
     */
    static CompiledRule of(Rule rule, RateLimiter rateLimiter, BudgetLimiter budgetLimiter, Redactor redactor) {
        if (rule.action() != null) {
            Verdict always = new Verdict(rule.action(), rule, rule.location(), reason(rule, null, rule.action()),
                    rule.approval(), List.of());
            return new CompiledRule(rule, rateLimiter, budgetLimiter, new Condition[0], new Verdict[0], always, redactor);
        }
        Condition[] conditions = rule.conditions().toArray(new Condition[0]);
        Verdict[] onMatch = new Verdict[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            Condition condition = conditions[i];
            onMatch[i] = new Verdict(condition.action(), rule, condition.location(),
                    reason(rule, condition, condition.action()), condition.approval(), List.of());
        }
        return new CompiledRule(rule, rateLimiter, budgetLimiter, conditions, onMatch, null, redactor);
    }

    boolean hasConstraints() {
        return rateLimiter != null || budgetLimiter != null;
    }

    private static String reason(Rule rule, Condition condition, Action action) {
        if (condition != null && condition.reason() != null) {
            return condition.reason();
        }
        if (rule.reason() != null) {
            return rule.reason();
        }
        return switch (action) {
            case ALLOW -> "allowed by rule " + rule.id();
            case DENY -> "denied by rule " + rule.id();
            case APPROVAL_REQUIRED -> "rule " + rule.id() + " requires a person's approval";
        };
    }
}
