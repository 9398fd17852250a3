package dev.veto.engine.eval;

import dev.veto.engine.match.CheckProgram;
import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.SlotClasses;
import dev.veto.engine.match.SlotValues;
import java.util.Arrays;

/**
 * A tool's whole decision as a diagram built at load ({@link DiagramBuilder}), for the hot path: each node
 * either reads one slot's class ({@link SlotClasses}: one lookup answers all of that slot's equality, list
 * and whole-number checks, in every rule at once) and goes to that class's child, or judges one text check
 * ({@code starts_with}, {@code contains}, a plain {@code regex}...) and goes on by its answer. A leaf names
 * the winning opinion. So a call reads a few slots and judges the text checks that matter, instead of
 * evaluating rule after rule check by check.
 *
 * <p>The diagram answers as if every check could be judged. That holds when every rule that evaluating in
 * file order would reach can be judged without error, which the values' types promise (see
 * {@link RankOrder}); each leaf keeps the types its winner needs: the slots of every rule up to a deny, of
 * every rule otherwise (within a rule, file order judges checks in written order, so one the diagram did
 * not need can come first and fail). When a value on the way or at the leaf has another type, or a path fails to
 * resolve, the diagram gives {@link #FALLBACK} and the call is judged check by check ({@link RankFirst}),
 * where such a value gets its exact answer or error.
 *
 * <p>Layout: {@code nodes} holds the nodes; a reference is a node's index, or {@code -(leaf + 1)}. A class
 * node is its slot followed by one child per class; a text node is {@link #TEXT} | its slot, the check's
 * place in the {@link CheckProgram}, and the children when it holds and when not.
 */
final class DecisionDiagram {

    /** {@link #decide}: no rule has an opinion, default_action decides. */
    static final int BY_DEFAULT = -1;
    /** {@link #decide}: a value's type or a failing path leaves the diagram no answer; judge check by check. */
    static final int FALLBACK = -2;

    static final int TEXT = 1 << 30;

    private final int root;
    private final int[] nodes;
    /** Per leaf: the winning opinion's plan position, or {@link #BY_DEFAULT}. */
    private final int[] positions;
    /** Per leaf: the slots that must hold Strings and whole numbers for the answer to stand (as bits). */
    private final long[] strings;
    private final long[] wholes;
    private final SlotClasses classes;

    DecisionDiagram(int root, int[] nodes, int[] positions, long[] strings, long[] wholes, SlotClasses classes) {
        this.root = root;
        this.nodes = nodes;
        this.positions = positions;
        this.strings = strings;
        this.wholes = wholes;
        this.classes = classes;
    }

    /** The winning opinion's plan position, {@link #BY_DEFAULT}, or {@link #FALLBACK}. */
    int decide(CheckProgram checks, SlotValues call) {
        int[] nodes = this.nodes;
        int ref = root;
        try {
            while (ref >= 0) {
                int head = nodes[ref];
                if ((head & TEXT) != 0) {
                    if (!SlotClasses.isString(head & ~TEXT, call)) {
                        return FALLBACK;
                    }
                    ref = checks.judge(nodes[ref + 1], call) ? nodes[ref + 2] : nodes[ref + 3];
                } else {
                    int cls = classes.classOf(head, call);
                    if (cls < 0) {
                        return FALLBACK;
                    }
                    ref = nodes[ref + 1 + cls];
                }
            }
        } catch (EvaluationException e) {
            return FALLBACK;
        }
        int leaf = -ref - 1;
        return call.haveTypes(strings[leaf], wholes[leaf]) ? positions[leaf] : FALLBACK;
    }

    @Override
    public String toString() {
        return "DecisionDiagram[root=" + root + ", nodes=" + Arrays.toString(nodes) + ", leaves="
                + Arrays.toString(positions) + "]";
    }
}
