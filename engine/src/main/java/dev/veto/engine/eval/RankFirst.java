package dev.veto.engine.eval;

import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.SlotValues;

/**
 * The hot path's decision for a tool with a {@link RankOrder}: exactly {@link Evaluator}'s (deny beats
 * require_approval beats allow, the first rule in file order with the winning action decides; a rule that
 * fails is a deny, which decides unless a rule denies by its own action: see {@link Verdict#decides}), while
 * evaluating only the rules that can still change it.
 *
 * <ol>
 *   <li>The rules that can deny, in file order. The first whose opinion is deny decides. One that fails is
 *       remembered, and the others are still evaluated, since a deny of their own would decide.</li>
 *   <li>One failed and none denied: the first rule that fails decides. So each rule before it that cannot
 *       deny is either one whose values' types promise it cannot fail ({@link RankOrder}), or is evaluated
 *       now, in file order.</li>
 *   <li>None denied or failed: the other rules in file order. A rule that can neither outrank the best
 *       opinion so far nor equal it from earlier in the file, and cannot fail, is left out.</li>
 * </ol>
 *
 * Why: in file order a call evaluates every rule up to its first deny, many of which cannot change the
 * outcome. On the benchmarks' generated policy this evaluates about a quarter fewer checks. Checking a rule's
 * value types resolves its paths, which file order might not have read; each path is still read at most
 * once a call.
 */
final class RankFirst {

    private RankFirst() {
    }

    static Verdict decide(ToolProgram program, RankOrder order, SlotValues call) {
        try {
            return rulesThatCanDeny(program, order, call);
        } catch (RuleFailed failed) {
            return failed.verdict;
        }
    }

    private static Verdict rulesThatCanDeny(ToolProgram program, RankOrder order, SlotValues call) throws RuleFailed {
        int[] plan = program.plan();
        long denying = order.denying();
        int bestRank = -1;
        int bestAt = -1;
        RuleFailed firstFailure = null;
        for (long left = denying; left != 0; left &= left - 1) {
            int r = Long.numberOfTrailingZeros(left);
            int at;
            try {
                at = opinionOf(program, order, r, call);
            } catch (RuleFailed failed) {
                firstFailure = firstFailure == null ? failed : firstFailure;
                continue;
            }
            int rank = at < 0 ? -1 : plan[at] & ToolProgram.RANK;
            if (rank == Verdict.DENY_RANK) {
                return program.verdicts()[at];
            }
            if (rank > bestRank) {
                bestRank = rank;
                bestAt = at;
            }
        }
        if (firstFailure != null) {
            failNoneBefore(program, order, firstFailure.rule, call);
            return firstFailure.verdict;
        }
        return otherRules(program, order, call, bestRank, bestAt);
    }

    /** Evaluates, in file order, the rules before {@code r} that cannot deny and might fail: the first to fail decides. */
    private static void failNoneBefore(ToolProgram program, RankOrder order, int r, SlotValues call) throws RuleFailed {
        for (long before = ~order.denying() & ((1L << r) - 1); before != 0; before &= before - 1) {
            int b = Long.numberOfTrailingZeros(before);
            if (!cannotFail(order, b, call)) {
                opinionOf(program, order, b, call);
            }
        }
    }

    /** @param bestRank the best opinion of the rules that can deny (none did), and its plan position */
    private static Verdict otherRules(ToolProgram program, RankOrder order, SlotValues call, int bestRank, int bestAt)
            throws RuleFailed {
        int[] plan = program.plan();
        int[] heads = order.heads();
        int[] maxRanks = order.maxRanks();
        int otherRank = -1;
        int otherAt = -1;
        long others = ~order.denying() & order.everyRule();
        for (long left = others; left != 0; left &= left - 1) {
            int r = Long.numberOfTrailingZeros(left);
            int max = maxRanks[r];
            // the earlier of two equal opinions decides: otherAt is always before r, bestAt may be after it
            boolean cannotWin = max <= otherRank || max < bestRank || max == bestRank && bestAt < heads[r];
            if (cannotWin && cannotFail(order, r, call)) {
                continue;
            }
            int at = opinionOf(program, order, r, call);
            if (at >= 0 && (plan[at] & ToolProgram.RANK) > otherRank) {
                otherRank = plan[at] & ToolProgram.RANK;
                otherAt = at;
            }
        }
        int winner = otherRank > bestRank || otherRank == bestRank && otherAt < bestAt ? otherAt : bestAt;
        return winner < 0 ? program.byDefault() : program.verdicts()[winner];
    }

    private static boolean cannotFail(RankOrder order, int r, SlotValues call) {
        return (order.skippable() >>> r & 1) != 0 && call.haveTypes(order.strings()[r], order.wholes()[r]);
    }

    /**
     * Rule {@code r}'s opinion: the plan position of its first condition that holds (or of its head, for a
     * rule with {@code action:}), or -1 for none.
     *
     * @throws RuleFailed when a condition could not be evaluated
     */
    private static int opinionOf(ToolProgram program, RankOrder order, int r, SlotValues call) throws RuleFailed {
        int[] plan = program.plan();
        int at = order.heads()[r];
        int head = plan[at];
        int conditions = head >>> ToolProgram.CONDITIONS_SHIFT;
        for (int c = 1; c <= conditions; c++) {
            try {
                if (program.checks().holds(plan[at + c] >> 2, call)) {
                    return at + c;
                }
            } catch (EvaluationException e) {
                CompiledRule rule = program.rules()[r];
                throw new RuleFailed(r, Evaluator.unevaluable(rule, rule.conditions()[c - 1], e));
            }
        }
        return (head & ToolProgram.ALWAYS) != 0 ? at : -1;
    }

    /**
     * Rule {@code rule}'s condition could not be evaluated: its opinion is this deny. Rare, so it carries no
     * stack trace.
     */
    private static final class RuleFailed extends Exception {
        private static final long serialVersionUID = 1L;

        final int rule;
        final transient Verdict verdict;

        RuleFailed(int rule, Verdict verdict) {
            super(null, null, false, false);
            this.rule = rule;
            this.verdict = verdict;
        }
    }
}
