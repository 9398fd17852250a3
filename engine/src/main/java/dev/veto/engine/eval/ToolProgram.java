package dev.veto.engine.eval;

import dev.veto.engine.match.CheckProgram;
import dev.veto.engine.policy.Condition;
import dev.veto.engine.policy.Policy;

/**
 * Everything the hot path needs to decide a call to one tool, built once per tool name: its rules in file
 * order, their conditions' matches compiled together into one {@link CheckProgram} (so one call's checks
 * sit together in memory, and each path is resolved once), and the verdict when no rule has an opinion.
 *
 * @param rules          the rules whose {@code tool} matches, in file order
 * @param firstCondition the conditions of {@code rules[r]} are {@code entries[firstCondition[r]]} up to
 *                       {@code entries[firstCondition[r + 1]]}; one more element than there are rules
 * @param entries        each condition's entry into {@code checks}
 * @param checks         the compiled matches
 * @param byDefault      the verdict when no rule gives an opinion (default_action)
 */
record ToolProgram(CompiledRule[] rules, int[] firstCondition, int[] entries, CheckProgram checks,
        Verdict byDefault) {

    static ToolProgram of(String tool, CompiledRule[] rules, Policy policy) {
        CheckProgram.Builder builder = new CheckProgram.Builder();
        int[] firstCondition = new int[rules.length + 1];
        int count = 0;
        for (CompiledRule rule : rules) {
            count += rule.conditions().length;
        }
        int[] entries = new int[count];
        int next = 0;
        for (int r = 0; r < rules.length; r++) {
            firstCondition[r] = next;
            for (Condition condition : rules[r].conditions()) {
                entries[next++] = builder.add(condition.match());
            }
        }
        firstCondition[rules.length] = next;
        return new ToolProgram(rules, firstCondition, entries, builder.build(),
                Evaluator.byDefault(policy, tool, rules.length));
    }
}
