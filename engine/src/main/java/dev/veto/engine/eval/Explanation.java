package dev.veto.engine.eval;

import dev.veto.engine.Decision;
import java.util.List;

/**
 * Why a call got its decision: each rule whose tool matched, each condition evaluated with each check's
 * value and verdict, and what the rate limits and budgets said. For {@code veto eval} / {@code explain}.
 *
 * @param decision   the decision
 * @param policyName the policy's name
 * @param rules      the rules considered (those whose {@code tool} matched), in file order
 * @param limits     what each rate limit and budget said, in the order they were applied
 */
public record Explanation(Decision decision, String policyName, List<RuleTrace> rules, List<String> limits) {

    /**
     * @param id         the rule's id
     * @param location   {@code rules[i]}
     * @param tool       the rule's {@code tool}
     * @param opinion    allow, deny, require_approval or none
     * @param decidedBy  where the opinion came from ({@code rules[i]} or {@code rules[i].conditions[j]}), or null
     * @param conditions the conditions evaluated, in order (the ones after the first match are not evaluated)
     */
    public record RuleTrace(String id, String location, String tool, String opinion, String decidedBy,
            List<ConditionTrace> conditions) {
    }

    /**
     * @param location {@code rules[i].conditions[j]}
     * @param action   the action it gives when it matches
     * @param verdict  match, miss or error
     * @param checks   the checks evaluated, in order
     */
    public record ConditionTrace(String location, String action, String verdict, List<CheckTrace> checks) {
    }

    /**
     * @param path     the path
     * @param operator the operator
     * @param operand  the operand as written
     * @param value    the value found (quoted for strings, {@code <missing>} when absent), cut short
     * @param verdict  match, miss or error
     * @param error    why it could not be judged, or null
     */
    public record CheckTrace(String path, String operator, String operand, String value, String verdict, String error) {
    }
}
