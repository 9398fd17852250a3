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
 * word followed by one word per condition; {@code verdicts} holds, at the same positions, the rule's
 * unconditional opinion (or null) and each condition's opinion. A head word is the number of conditions
 * shifted left by {@link #CONDITIONS_SHIFT}, {@link #LIMITED} when the rule has limits, {@link #ALWAYS}
 * when it has an unconditional opinion, and that opinion's rank ({@link Verdict#rank}) in its low two bits;
 * a condition word is its entry into {@code checks} shifted left by two, with its opinion's rank in the low
 * two bits. A call reads two arrays in order instead of visiting each rule's objects, and reads only the
 * winning opinion's {@link Verdict}: precedence is decided on the ranks.
 *
 * @param rules     the rules whose {@code tool} matches, in file order (read for errors and limits)
 * @param plan      see above
 * @param verdicts  see above
 * @param checks    the compiled matches
 * @param byDefault the verdict when no rule gives an opinion (default_action)
 * @param order     what lets {@link RankFirst} leave out rules that cannot change the decision; null when the
 *                  tool has more than {@link RankOrder#MAX_RULES} rules, or a rule with limits (the limits of
 *                  every rule that would allow a call must be applied, so each such rule is evaluated)
 * @param diagram   the tool's {@link DecisionDiagram} once built (never for a tool without {@code order})
 */
record ToolProgram(CompiledRule[] rules, int[] plan, Verdict[] verdicts, CheckProgram checks, Verdict byDefault,
        RankOrder order, DiagramCell diagram) {

    static final int RANK = 3;
    static final int ALWAYS = 1 << 2;
    static final int LIMITED = 1 << 3;
    static final int CONDITIONS_SHIFT = 4;

    static ToolProgram of(String tool, CompiledRule[] rules, Policy policy, DiagramCell.Mode diagrams) {
        int size = rules.length;
        for (CompiledRule rule : rules) {
            size += rule.conditions().length;
        }
        int[] plan = new int[size];
        Verdict[] verdicts = new Verdict[size];
        CheckProgram.Builder builder = new CheckProgram.Builder();
        RankOrder.Builder order = new RankOrder.Builder(rules.length);
        boolean ordered = rules.length <= RankOrder.MAX_RULES;
        int at = 0;
        for (CompiledRule rule : rules) {
            Condition[] conditions = rule.conditions();
            Verdict always = rule.always();
            ordered &= !rule.hasConstraints();
            int maxRank = always == null ? -1 : Verdict.rank(always.action());
            long[] kinds = new long[2];
            plan[at] = conditions.length << CONDITIONS_SHIFT | (rule.hasConstraints() ? LIMITED : 0)
                    | (always == null ? 0 : ALWAYS | Verdict.rank(always.action()));
            verdicts[at] = always;
            for (int c = 0; c < conditions.length; c++) {
                Verdict onMatch = rule.onMatch()[c];
                plan[at + 1 + c] = builder.add(conditions[c].match()) << 2 | Verdict.rank(onMatch.action());
                verdicts[at + 1 + c] = onMatch;
                maxRank = Math.max(maxRank, Verdict.rank(onMatch.action()));
                if (kinds != null && !builder.typesThatCannotFail(conditions[c].match(), kinds)) {
                    kinds = null;
                }
            }
            if (ordered) {
                order.add(at, maxRank, kinds);
            }
            at += 1 + conditions.length;
        }
        RankOrder rankOrder = ordered ? order.build() : null;
        Verdict byDefault = Evaluator.byDefault(policy, tool, rules.length);
        DiagramBuilder.Input input = new DiagramBuilder.Input(rules, plan, verdicts, byDefault, builder, rankOrder);
        return new ToolProgram(rules, plan, verdicts, builder.build(), byDefault, rankOrder,
                new DiagramCell(input, diagrams));
    }
}
