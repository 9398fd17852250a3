package dev.veto.engine.eval;

import dev.veto.engine.Action;
import dev.veto.engine.policy.Condition;
import dev.veto.engine.policy.Rule;
import java.util.List;

/**
 * The opinions one rule can give when its checks evaluate without error, built once when the policy is
 * compiled. They depend only on the policy text (action, location, reason, approval), so the hot path
 * hands out these instances instead of building a verdict, its reason and its location string per call.
 * Only an evaluation error, whose reason names the failing check, builds a verdict on the call.
 */
public final class RuleVerdicts {

    /** The rule's conditions as an array: walked on every call without an iterator. */
    private final Condition[] conditions;
    /** {@code onMatch[i]}: the opinion when condition {@code i} is the first to hold. */
    private final Verdict[] onMatch;
    /** The opinion of a rule with {@code action:} and no conditions; null for a rule with conditions. */
    private final Verdict always;

    private RuleVerdicts(Condition[] conditions, Verdict[] onMatch, Verdict always) {
        this.conditions = conditions;
        this.onMatch = onMatch;
        this.always = always;
    }

    static RuleVerdicts of(Rule rule) {
        if (rule.action() != null) {
            Verdict always = new Verdict(rule.action(), rule, rule.location(), reason(rule, null, rule.action()),
                    rule.approval(), List.of());
            return new RuleVerdicts(new Condition[0], new Verdict[0], always);
        }
        Condition[] conditions = rule.conditions().toArray(new Condition[0]);
        Verdict[] onMatch = new Verdict[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            Condition condition = conditions[i];
            onMatch[i] = new Verdict(condition.action(), rule, condition.location(),
                    reason(rule, condition, condition.action()), condition.approval(), List.of());
        }
        return new RuleVerdicts(conditions, onMatch, null);
    }

    Condition[] conditions() {
        return conditions;
    }

    Verdict onMatch(int condition) {
        return onMatch[condition];
    }

    Verdict always() {
        return always;
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
