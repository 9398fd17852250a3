package dev.veto.engine.eval;

import dev.veto.engine.limit.BudgetLimiter;
import dev.veto.engine.limit.RateLimiter;
import dev.veto.engine.policy.Rule;

/**
 * A rule with the state its constraints keep: the rate limiter and the budget (null when it has none).
 * Limiters survive a reload when the rule's id and constraint are unchanged, so reloading a policy does not
 * reset its counters.
 */
public record CompiledRule(Rule rule, RateLimiter rateLimiter, BudgetLimiter budgetLimiter) {

    boolean hasConstraints() {
        return rateLimiter != null || budgetLimiter != null;
    }
}
