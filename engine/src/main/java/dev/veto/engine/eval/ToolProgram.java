package dev.veto.engine.eval;

import dev.veto.engine.match.CheckProgram;
import dev.veto.engine.policy.Condition;
import dev.veto.engine.policy.Policy;

/**
 * Everything the hot path needs to decide a call to one tool, built once per tool name: its rules in file
 * order, their conditions' matches compiled together into one {@link CheckProgram} (so a call's checks lie
 * together in memory, and each path is resolved once), and the verdict when no rule has an opinion.
 *
 * <p>The rules are laid out flat, for the same reason: {@code plan} holds, for each rule in turn, a head
 * word (its number of conditions {@code n}, shifted left by one, with the low bit set when the rule has
 * limits) followed by its {@code n} conditions' entries into {@code checks}; {@code verdicts} holds, at the
 * same positions, the rule's unconditional opinion (or null) and each condition's opinion. A call reads two
 * arrays in order instead of visiting each rule's objects.
 *
 * @param rules     the rules whose {@code tool} matches, in file order (read for errors and limits)
 * @param plan      see above
 * @param verdicts  see above
 * @param checks    the compiled matches
 * @param byDefault the verdict when no rule gives an opinion (default_action)
 */
record ToolProgram(CompiledRule[] rules, int[] plan, Verdict[] verdicts, CheckProgram checks, Verdict byDefault) {

    static ToolProgram of(String tool, CompiledRule[] rules, Policy policy) {
        int size = rules.length;
        for (CompiledRule rule : rules) {
            size += rule.conditions().length;
        }
        int[] plan = new int[size];
        Verdict[] verdicts = new Verdict[size];
        CheckProgram.Builder builder = new CheckProgram.Builder();
        int at = 0;
        for (CompiledRule rule : rules) {
            Condition[] conditions = rule.conditions();
            plan[at] = conditions.length << 1 | (rule.hasConstraints() ? 1 : 0);
            verdicts[at] = rule.always();
            for (int c = 0; c < conditions.length; c++) {
                plan[at + 1 + c] = builder.add(conditions[c].match());
                verdicts[at + 1 + c] = rule.onMatch()[c];
            }
            at += 1 + conditions.length;
        }
        return new ToolProgram(rules, plan, verdicts, builder.build(), Evaluator.byDefault(policy, tool, rules.length));
    }
}
