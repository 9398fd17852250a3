package dev.veto.engine.policy;

import dev.veto.engine.limit.LimitSpec;
import dev.veto.engine.match.ValuePath;

/**
 * {@code constraints.budget}: the sum of a numeric argument over the calls let through, per window.
 *
 * @param sum   the path of the amount to add up ({@code arguments.amount})
 * @param limit the most the sum may reach per window
 * @param per   the path whose value keys separate budgets, or null for one budget
 */
public record BudgetSpec(ValuePath sum, LimitSpec limit, ValuePath per) {
}
