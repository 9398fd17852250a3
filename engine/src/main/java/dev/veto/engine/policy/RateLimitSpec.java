package dev.veto.engine.policy;

import dev.veto.engine.limit.LimitSpec;
import dev.veto.engine.match.ValuePath;

/**
 * {@code constraints.rate_limit}: at most {@code limit.amount} calls let through per window.
 *
 * @param limit the amount (a whole number of calls) and the window
 * @param per   the path whose value keys separate counters ({@code context.userId}), or null for one counter
 */
public record RateLimitSpec(LimitSpec limit, ValuePath per) {
}
