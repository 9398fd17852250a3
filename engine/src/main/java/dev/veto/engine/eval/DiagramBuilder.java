package dev.veto.engine.eval;

import dev.veto.engine.eval.OpenRule.All;
import dev.veto.engine.eval.OpenRule.Any;
import dev.veto.engine.eval.OpenRule.Check;
import dev.veto.engine.eval.OpenRule.Not;
import dev.veto.engine.eval.OpenRule.Term;
import dev.veto.engine.match.CheckProgram;
import dev.veto.engine.match.Expression;
import dev.veto.engine.match.PathCheck;
import dev.veto.engine.match.SlotClasses;
import dev.veto.engine.policy.Condition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a tool's {@link DecisionDiagram} (off the hot path, see {@link DiagramCell}) by splitting on one unknown at a time: a slot's class
 * (all of its class-decided checks at once) or one text check. After each split every condition is
 * simplified, and the split stops as soon as the winner is known: a rule whose opinion is known, with no
 * rule before it able to give as high a rank and none after it a higher one (deny beats require_approval
 * beats allow; among equals the first in file order). Equal states share one node, so the diagram stays
 * small; one that would pass {@link #MAX_WORDS} words or {@link #MAX_STATES} states is not built, and the
 * tool is judged check by check. A rule's part of a state is an {@link OpenRule}.
 *
 * <p>Which unknown to split on: one of the first condition still open of the rules that can give the highest
 * rank, in file order; of that condition a slot before a text check (a lookup answers many checks, a text
 * check one), in written order (see {@link #nextUnknown}).
 */
final class DiagramBuilder {

    /** Words of the diagram, and states considered, beyond which it is not built. */
    static final int MAX_WORDS = 16384;
    static final int MAX_STATES = 100_000;

    /** The rules in play, in file order: what a node is built for. Equal states share a node. */
    private static final class State {
        final OpenRule[] rules;
        private final int hash;

        State(OpenRule[] rules) {
            this.rules = rules;
            this.hash = Arrays.hashCode(rules);
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof State other && other.hash == hash && Arrays.equals(other.rules, rules);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final Input tool;
    private final CheckProgram.Builder checks;
    private final SlotClasses classes;
    private final RankOrder order;
    private final List<PathCheck> numbered = new ArrayList<>();
    private final Map<PathCheck, Integer> numbers = new IdentityHashMap<>();
    /** Per numbered check: its slot, whether it is a text check, and (class-decided) whether it holds per class. */
    private int[] slots;
    private boolean[] texts;
    private boolean[][] holds;
    private final Map<State, Integer> built = new HashMap<>();
    private final Map<Integer, Integer> leafByPosition = new HashMap<>();
    private final List<DecisionDiagram.Leaf> leaves = new ArrayList<>();
    private int[] nodes = new int[64];
    private int size;
    private int states;

    private DiagramBuilder(Input tool, SlotClasses classes) {
        this.tool = tool;
        this.checks = tool.checks();
        this.classes = classes;
        this.order = tool.order();
    }

    /**
     * What a build reads: a tool's {@link ToolProgram} parts.
     *
     * @param rules     the tool's rules, laid out in {@code plan} as {@link ToolProgram} says
     * @param verdicts  the opinions at the plan's positions: the leaves' answers
     * @param byDefault the answer when no rule has an opinion
     * @param checks    the builder of the tool's checks (their slots, shapes and places)
     * @param order     the tool's {@link RankOrder}
     */
    record Input(CompiledRule[] rules, int[] plan, Verdict[] verdicts, Verdict byDefault, CheckProgram.Builder checks,
            RankOrder order) {
    }

    /**
     * @return the diagram, or null when some check is neither class-decided nor a text check, or the diagram
     *         would be too large
     */
    static DecisionDiagram build(Input tool) {
        RankOrder order = tool.order();
        if (order == null || order.skippable() != order.everyRule()) {
            return null; // a check its matcher judges: not every check is decided by a class or is text
        }
        SlotClasses classes = tool.checks().classes();
        if (classes == null) {
            return null;
        }
        DiagramBuilder builder = new DiagramBuilder(tool, classes);
        CompiledRule[] rules = tool.rules();
        OpenRule[] start = new OpenRule[rules.length];
        for (int r = 0; r < rules.length; r++) {
            start[r] = builder.rule(rules[r], order.heads()[r], tool.plan());
        }
        builder.learnChecks();
        try {
            int root = builder.node(new State(start));
            return builder.diagram(root);
        } catch (TooLarge e) {
            return null;
        }
    }

    private OpenRule rule(CompiledRule compiled, int head, int[] plan) {
        Condition[] conditions = compiled.conditions();
        List<OpenRule.OpenCondition> list = new ArrayList<>();
        for (int c = 0; c < conditions.length; c++) {
            int position = head + 1 + c;
            // simplified from the start: an empty all holds, an empty any does not
            Term match = OpenRule.assign(term(conditions[c].match()), new Boolean[0]);
            list.add(new OpenRule.OpenCondition(match, position, plan[position] & ToolProgram.RANK));
        }
        boolean always = (plan[head] & ToolProgram.ALWAYS) != 0;
        return OpenRule.of(list, always ? head : -1, always ? plan[head] & ToolProgram.RANK : -1);
    }

    private Term term(Expression match) {
        if (match instanceof PathCheck check) {
            return new Check(numbers.computeIfAbsent(check, c -> {
                numbered.add(c);
                return numbered.size() - 1;
            }));
        }
        if (match instanceof Expression.Not not) {
            return new Not(term(not.member()));
        }
        Expression[] members = match instanceof Expression.All all ? all.members() : ((Expression.Any) match).members();
        List<Term> terms = new ArrayList<>();
        for (Expression member : members) {
            terms.add(term(member));
        }
        return match instanceof Expression.All ? new All(terms) : new Any(terms);
    }

    private void learnChecks() {
        int count = numbered.size();
        slots = new int[count];
        texts = new boolean[count];
        holds = new boolean[count][];
        for (int n = 0; n < count; n++) {
            PathCheck check = numbered.get(n);
            slots[n] = checks.slotOf(check);
            texts[n] = checks.isTextCheck(check);
            if (!texts[n]) {
                holds[n] = new boolean[classes.count(slots[n])];
                for (int cls = 0; cls < holds[n].length; cls++) {
                    holds[n][cls] = checks.holds(classes, check, cls);
                }
            }
        }
    }

    /** The node (or leaf) for the rules in this state; equal states get the same one. */
    private int node(State state) throws TooLarge {
        if (++states > MAX_STATES) {
            throw new TooLarge();
        }
        State rules = pruned(state);
        Integer done = built.get(rules);
        if (done != null) {
            return done;
        }
        int ref = decided(rules.rules);
        if (ref == Integer.MIN_VALUE) {
            ref = split(rules.rules);
        }
        built.put(rules, ref);
        return ref;
    }

    private int split(OpenRule[] rules) throws TooLarge {
        int check = nextUnknown(rules);
        int slot = slots[check];
        if (texts[check]) {
            Boolean[] values = new Boolean[numbered.size()];
            values[check] = true;
            int onTrue = node(assigned(rules, values));
            values[check] = false;
            int onFalse = node(assigned(rules, values));
            return onTrue == onFalse ? onTrue
                    : emit(DecisionDiagram.TEXT | slot, checks.placeOf(numbered.get(check)), onTrue, onFalse);
        }
        int count = classes.count(slot);
        int[] children = new int[count];
        boolean same = true;
        Boolean[] values = new Boolean[numbered.size()];
        for (int cls = 0; cls < count; cls++) {
            for (int n = 0; n < values.length; n++) {
                if (slots[n] == slot && !texts[n]) {
                    values[n] = holds[n][cls];
                }
            }
            children[cls] = node(assigned(rules, values));
            same &= children[cls] == children[0];
        }
        if (same) {
            return children[0];
        }
        int[] words = new int[1 + count];
        words[0] = slot;
        System.arraycopy(children, 0, words, 1, count);
        return emit(words);
    }

    /**
     * The first condition still open of the rules that can rank highest (in file order): a class-decided
     * check of it before one of its text checks, in written order. Going condition by condition reads only
     * the values that condition needs before it is settled, where taking every class-decided check of every
     * rule first read values that a later text check would have made moot: a call that a deny decides read
     * 3.7 values on the benchmarks' 1,000-rule policy instead of 3.0, and the diagrams were twice as large.
     */
    private int nextUnknown(OpenRule[] rules) {
        for (int rank = Verdict.DENY_RANK; rank >= 0; rank--) {
            for (OpenRule rule : rules) {
                if (rule.maxRank != rank) {
                    continue;
                }
                for (OpenRule.OpenCondition condition : rule.conditions) {
                    int found = firstUnknown(condition.match(), false);
                    if (found < 0) {
                        found = firstUnknown(condition.match(), true);
                    }
                    if (found >= 0) {
                        return found;
                    }
                }
            }
        }
        throw new IllegalStateException("no unknown check left, yet no winner");
    }

    private int firstUnknown(Term term, boolean text) {
        if (term instanceof Check check) {
            return texts[check.number()] == text ? check.number() : -1;
        }
        if (term instanceof Not not) {
            return firstUnknown(not.member(), text);
        }
        List<Term> members = term instanceof All all ? all.members() : term instanceof Any any ? any.members() : List.of();
        for (Term member : members) {
            int found = firstUnknown(member, text);
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    /** The leaf when the winner is known, or {@link Integer#MIN_VALUE}. */
    private int decided(OpenRule[] rules) {
        boolean anyOpinion = false;
        for (int w = 0; w < rules.length; w++) {
            OpenRule rule = rules[w];
            anyOpinion |= rule.maxRank >= 0;
            if (!rule.known() || rule.knownRank() < 0) {
                continue;
            }
            int rank = rule.knownRank();
            boolean wins = true;
            for (int r = 0; r < rules.length && wins; r++) {
                wins = r == w || (r < w ? rules[r].maxRank < rank : rules[r].maxRank <= rank);
            }
            if (wins) {
                return leaf(w, rule.knownPosition(), rank);
            }
        }
        return anyOpinion ? Integer.MIN_VALUE : leaf(-1, DecisionDiagram.Leaf.BY_DEFAULT, -1);
    }

    /** Rules that can no longer win are left with no opinion: fewer distinct states, fewer splits. */
    private static State pruned(State state) {
        OpenRule[] rules = state.rules;
        int bestRank = -1;
        int bestAt = -1;
        for (int r = 0; r < rules.length; r++) {
            if (rules[r].known() && rules[r].knownRank() > bestRank) {
                bestRank = rules[r].knownRank();
                bestAt = r;
            }
        }
        OpenRule[] pruned = null;
        for (int r = 0; bestAt >= 0 && r < rules.length; r++) {
            int max = rules[r].maxRank;
            if (r != bestAt && rules[r] != OpenRule.NO_OPINION && (max < bestRank || r > bestAt && max <= bestRank)) {
                if (pruned == null) {
                    pruned = rules.clone();
                }
                pruned[r] = OpenRule.NO_OPINION;
            }
        }
        return pruned == null ? state : new State(pruned);
    }

    /**
     * A leaf: the winner's position, and the value types that promise that no rule which could change the
     * answer fails. A rule's own deny decides whatever other rules fail ({@link Verdict#decides}), so a deny
     * needs only the types of its own rule's conditions up to the one that denies: those before it are
     * evaluated (in written order, where a check the diagram did not need may come first and fail), those
     * after it never are. Any other answer needs every rule's: a failure anywhere would deny.
     */
    private int leaf(int winner, int position, int rank) {
        Integer known = leafByPosition.get(position);
        if (known != null) {
            return known;
        }
        long[] kinds = new long[2];
        if (rank == Verdict.DENY_RANK) {
            Condition[] conditions = tool.rules()[winner].conditions();
            // position is the rule's head (an action of its own) or head + 1 + the denying condition's index
            for (int c = 0; c < position - order.heads()[winner]; c++) {
                checks.typesThatCannotFail(conditions[c].match(), kinds);
            }
        } else {
            for (int r = 0; r < order.heads().length; r++) {
                kinds[0] |= order.strings()[r];
                kinds[1] |= order.wholes()[r];
            }
        }
        leaves.add(new DecisionDiagram.Leaf(position, kinds[0], kinds[1]));
        int ref = -leaves.size();
        leafByPosition.put(position, ref);
        return ref;
    }

    /** The rules with the checks in {@code values} (null: still unknown) put in. */
    private static State assigned(OpenRule[] rules, Boolean[] values) {
        OpenRule[] next = new OpenRule[rules.length];
        for (int r = 0; r < rules.length; r++) {
            next[r] = rules[r].assigned(values);
        }
        return new State(next);
    }

    private int emit(int... words) throws TooLarge {
        if (size + words.length > MAX_WORDS) {
            throw new TooLarge();
        }
        if (size + words.length > nodes.length) {
            nodes = Arrays.copyOf(nodes, Math.max(nodes.length * 2, size + words.length));
        }
        int at = size;
        System.arraycopy(words, 0, nodes, size, words.length);
        size += words.length;
        return at;
    }

    private DecisionDiagram diagram(int root) {
        return DecisionDiagram.layOut(root, Arrays.copyOf(nodes, size), leaves, classes, tool.verdicts(), tool.byDefault());
    }
}
