package dev.veto.engine.match;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code match:} expressions of one tool's conditions compiled into one flat array of checks with jumps,
 * for the hot path: each check says which check comes next when it holds and when it does not, or that the
 * condition's match is decided ({@link #MATCH}, {@link #MISS}). {@code all}, {@code any} and {@code not}
 * become jumps (not swaps the targets), so evaluation is a loop rather than calls down a tree.
 *
 * <p>The semantics are the tree's ({@link Expression}): checks run in the order written, stop as soon as
 * the result is known, and an {@link EvaluationException} propagates at once from wherever it is met. The
 * checks are laid out in the order they are evaluated and built together, so a call walks memory forward.
 * Each distinct path of the tool gets a slot ({@link SlotValues}): resolved at most once per call.
 */
public final class CheckProgram {

    /** The condition's match holds. */
    public static final int MATCH = -1;
    /** The condition's match does not hold. */
    public static final int MISS = -2;

    private final FastCheck[] checks;
    private final int slots;

    private CheckProgram(FastCheck[] checks, int slots) {
        this.checks = checks;
        this.slots = slots;
    }

    /** A fresh set of slots for one call. */
    public SlotValues newCall(Map<String, ?> arguments, Map<String, ?> context) {
        return new SlotValues(arguments, context, slots);
    }

    /**
     * Whether the match that starts at {@code entry} (from {@link Builder#add}) holds for the call.
     *
     * @throws EvaluationException when a check on the way cannot be judged
     */
    public boolean holds(int entry, SlotValues call) throws EvaluationException {
        int at = entry;
        while (at >= 0) {
            FastCheck check = checks[at];
            at = check.test(call) ? check.onTrue : check.onFalse;
        }
        return at == MATCH;
    }

    /** Number of checks, for tests. */
    int size() {
        return checks.length;
    }

    /** Collects the conditions of one tool, in the order the evaluator will ask about them. */
    public static final class Builder {

        /** A leaf waiting for its final index: targets are leaf numbers in emission order, or MATCH / MISS. */
        private record Leaf(PathCheck check, int onTrue, int onFalse) {
        }

        private final List<FastCheck> checks = new ArrayList<>();
        private final Map<ValuePath, Integer> slots = new IdentityHashMap<>();

        /** Compiles one condition's match; the returned entry is what {@link #holds} starts from. */
        public int add(Expression match) {
            List<Leaf> emitted = new ArrayList<>();
            int entry = emit(match, MATCH, MISS, emitted);
            // Leaves were emitted last first (each needs its successors' numbers); lay them out first first.
            int base = checks.size();
            int last = emitted.size() - 1;
            for (int i = last; i >= 0; i--) {
                Leaf leaf = emitted.get(i);
                int slot = slots.computeIfAbsent(leaf.check().path(), path -> slots.size());
                checks.add(FastCheck.of(leaf.check(), slot, place(leaf.onTrue(), base, last),
                        place(leaf.onFalse(), base, last)));
            }
            return place(entry, base, last);
        }

        private static int place(int target, int base, int last) {
            return target < 0 ? target : base + last - target;
        }

        /**
         * Emits the expression so that it continues at {@code onTrue} when it holds and at {@code onFalse}
         * when not; returns where it starts. Members are emitted from the last, whose entry the one
         * before it jumps to.
         */
        private static int emit(Expression expression, int onTrue, int onFalse, List<Leaf> emitted) {
            if (expression instanceof PathCheck check) {
                emitted.add(new Leaf(check, onTrue, onFalse));
                return emitted.size() - 1;
            }
            if (expression instanceof Expression.Not not) {
                return emit(not.member(), onFalse, onTrue, emitted);
            }
            if (expression instanceof Expression.All all) {
                int next = onTrue;
                Expression[] members = all.members();
                for (int i = members.length - 1; i >= 0; i--) {
                    next = emit(members[i], next, onFalse, emitted);
                }
                return next;
            }
            Expression.Any any = (Expression.Any) expression;
            int next = onFalse;
            Expression[] members = any.members();
            for (int i = members.length - 1; i >= 0; i--) {
                next = emit(members[i], onTrue, next, emitted);
            }
            return next;
        }

        public CheckProgram build() {
            return new CheckProgram(checks.toArray(new FastCheck[0]), slots.size());
        }
    }
}
