package dev.veto.engine.eval;

import dev.veto.engine.limit.BudgetLimiter;
import dev.veto.engine.limit.RateLimiter;
import dev.veto.engine.policy.Rule;

/**
 * A rule with the state its constraints keep: the rate limiter and the budget (null when it has none).
 * Limiters survive a reload when the rule's id and constraint are unchanged, so reloading a policy does not
 * reset its counters. {@code verdicts} are the rule's opinions, built once (see {@link RuleVerdicts}).
 */
public record CompiledRule(Rule rule, RateLimiter rateLimiter, BudgetLimiter budgetLimiter, RuleVerdicts verdicts) {

    public CompiledRule(Rule rule, RateLimiter rateLimiter, BudgetLimiter budgetLimiter) {
        this(rule, rateLimiter, budgetLimiter, RuleVerdicts.of(rule));
    }

    boolean hasConstraints() {
        return rateLimiter != null || budgetLimiter != null;
    }
}
