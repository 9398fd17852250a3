package dev.veto.engine.eval;

import dev.veto.engine.match.CheckProgram;
import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.IntWords;
import dev.veto.engine.match.SlotClasses;
import dev.veto.engine.match.SlotValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's whole decision as a diagram built off the hot path ({@link DiagramBuilder}): each node either
 * reads one slot's class ({@link SlotClasses}: one lookup answers all of that slot's equality, list and
 * whole-number checks, in every rule at once) and goes to that class's child, or judges one text check
 * ({@code starts_with}, {@code contains}, a plain {@code regex}...) and goes on by its answer. A leaf names
 * the winning opinion. So a call reads a few slots and judges the text checks that matter, instead of
 * evaluating rule after rule check by check.
 *
 * <p>The diagram answers as if every check could be judged. That holds when every rule that could change the
 * answer can be judged without error, which the values' types promise (see {@link RankOrder}); each leaf
 * keeps the types its winner needs: for a rule's own deny, which decides whatever other rules fail
 * ({@link Verdict#decides}), the slots of that rule; otherwise those of every rule, since any failure would
 * deny (within a rule, checks are judged in written order, so one the diagram did not need can come first
 * and fail). When a value on the way or at the leaf has another type, or a path fails to
 * resolve, the diagram gives no answer (null) and the call is judged check by check ({@link RankFirst}),
 * where such a value gets its exact answer or error.
 *
 * <p>Layout: one {@code int[]}, so that a call reads a few neighbouring places of one array rather than
 * following references from object to object (on a large policy a tool's objects are rarely in the CPU's
 * cache, and each reference followed waits for memory). The root comes first, then the slots' class
 * sections ({@link SlotClasses#sections}), then the other nodes breadth first. A class
 * node is its slot, its section's place and one child per class; a text node is {@link #TEXT} | its slot,
 * the check's place in the {@link CheckProgram}, and the children when it holds and when not; a leaf is
 * the index of its {@link Verdict} in {@code refs}, then the two type masks (as {@link IntWords}).
 * A reference to a node is its place; to a leaf, {@code -(place + 1)}. {@code refs} holds the sections'
 * literals, then the leaves' verdicts.
 */
final class DecisionDiagram {

    static final int TEXT = 1 << 30;

    private static final int LEAF_WORDS = 5;

    private final int root;
    private final int[] code;
    private final Object[] refs;

    private DecisionDiagram(int root, int[] code, Object[] refs) {
        this.root = root;
        this.code = code;
        this.refs = refs;
    }

    /** A diagram that answers nothing: marks a tool that has none. */
    static DecisionDiagram none() {
        return new DecisionDiagram(0, new int[0], new Object[0]);
    }

    /**
     * The winning opinion: the verdict at its plan position, or {@code byDefault}; null when the diagram
     * gives way (see the class comment).
     */
    Verdict decide(CheckProgram checks, SlotValues call) {
        int[] code = this.code;
        int ref = root;
        try {
            while (ref >= 0) {
                int head = code[ref];
                if ((head & TEXT) != 0) {
                    if (!SlotClasses.isString(head & ~TEXT, call)) {
                        return null;
                    }
                    ref = checks.judge(code[ref + 1], call) ? code[ref + 2] : code[ref + 3];
                } else {
                    int cls = SlotClasses.classIn(code, code[ref + 1], refs, head, call);
                    if (cls < 0) {
                        return null;
                    }
                    ref = code[ref + 2 + cls];
                }
            }
        } catch (EvaluationException e) {
            return null;
        }
        int leaf = -ref - 1;
        return call.haveTypes(code, leaf + 1) ? (Verdict) refs[code[leaf]] : null;
    }

    /** One leaf as the builder makes it: the winner's plan position (or {@link #BY_DEFAULT}), its type masks. */
    record Leaf(int position, long strings, long wholes) {
        /** The position of a leaf where no rule has an opinion: default_action decides. */
        static final int BY_DEFAULT = -1;
    }

    /**
     * Lays out what {@link DiagramBuilder} made: {@code nodes} as it emitted them (children before parents;
     * a class node is its slot and its children, a text node as above; a leaf reference is
     * {@code -(index in leaves + 1)}).
     */
    static DecisionDiagram layOut(int root, int[] nodes, List<Leaf> leaves, SlotClasses classes, Verdict[] verdicts,
            Verdict byDefault) {
        return new Layout(nodes, leaves, classes, verdicts, byDefault).run(root);
    }

    /** Re-lays the builder's nodes from the root down, leaves inline, the class sections after the root. */
    private static final class Layout {
        private final int[] nodes;
        private final List<Leaf> leaves;
        private final SlotClasses classes;
        private final Verdict[] verdicts;
        private final Verdict byDefault;
        private final Map<Integer, Integer> placed = new HashMap<>();
        private final Object[] refs;
        private final int firstVerdict;
        private int[] code = new int[64];
        private int size;
        private int sectionsAt;
        /** Nodes reserved and not yet filled, in the order met. */
        private final List<Integer> queue = new ArrayList<>();

        Layout(int[] nodes, List<Leaf> leaves, SlotClasses classes, Verdict[] verdicts, Verdict byDefault) {
            this.nodes = nodes;
            this.leaves = leaves;
            this.classes = classes;
            this.verdicts = verdicts;
            this.byDefault = byDefault;
            String[] literals = classes.literals();
            this.firstVerdict = literals.length;
            this.refs = Arrays.copyOf(literals, literals.length + leaves.size(), Object[].class);
        }

        DecisionDiagram run(int root) {
            int newRoot = reserve(root);
            int[] sections = classes.sections();
            sectionsAt = grow(sections.length);
            System.arraycopy(sections, 0, code, sectionsAt, sections.length);
            // breadth first: the nodes nearest the root, which most calls pass, lie together after it
            for (int next = 0; next < queue.size(); next++) {
                fill(queue.get(next));
            }
            return new DecisionDiagram(newRoot, Arrays.copyOf(code, size), refs);
        }

        /** The node's or leaf's new reference, giving it its words when first met (a leaf is written at once). */
        private int reserve(int ref) {
            Integer known = placed.get(ref);
            if (known != null) {
                return known;
            }
            if (ref < 0) {
                int leaf = -ref - 1;
                Leaf l = leaves.get(leaf);
                refs[firstVerdict + leaf] = l.position() == Leaf.BY_DEFAULT ? byDefault : verdicts[l.position()];
                int at = grow(LEAF_WORDS);
                code[at] = firstVerdict + leaf;
                IntWords.putLong(code, at + 1, l.strings());
                IntWords.putLong(code, at + 3, l.wholes());
                return remember(ref, -at - 1);
            }
            int head = nodes[ref];
            int at = grow((head & TEXT) != 0 ? 4 : 2 + classes.count(head));
            queue.add(ref);
            return remember(ref, at);
        }

        /** Writes a reserved node: its head, its section or check, and its children's new references. */
        private void fill(int ref) {
            int at = placed.get(ref);
            int head = nodes[ref];
            code[at] = head;
            if ((head & TEXT) != 0) {
                code[at + 1] = nodes[ref + 1];
                // reserving a child may grow (replace) the array: its reference is stored after
                int onTrue = reserve(nodes[ref + 2]);
                int onFalse = reserve(nodes[ref + 3]);
                code[at + 2] = onTrue;
                code[at + 3] = onFalse;
                return;
            }
            code[at + 1] = sectionsAt + classes.sectionOf(head);
            for (int cls = 0, count = classes.count(head); cls < count; cls++) {
                int child = reserve(nodes[ref + 1 + cls]);
                code[at + 2 + cls] = child;
            }
        }

        private int remember(int ref, int at) {
            placed.put(ref, at);
            return at;
        }

        private int grow(int words) {
            if (size + words > code.length) {
                code = Arrays.copyOf(code, Math.max(code.length * 2, size + words));
            }
            int at = size;
            size += words;
            return at;
        }

    }

    @Override
    public String toString() {
        return "DecisionDiagram[root=" + root + ", code=" + Arrays.toString(code) + "]";
    }
}
