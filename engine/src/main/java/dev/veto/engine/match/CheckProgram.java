package dev.veto.engine.match;

import static dev.veto.engine.match.CheckShape.CONTAINS;
import static dev.veto.engine.match.CheckShape.ENDS_WITH;
import static dev.veto.engine.match.CheckShape.EXISTS;
import static dev.veto.engine.match.CheckShape.EXPECTED;
import static dev.veto.engine.match.CheckShape.IGNORE_CASE;
import static dev.veto.engine.match.CheckShape.KIND;
import static dev.veto.engine.match.CheckShape.MAX_LENGTH;
import static dev.veto.engine.match.CheckShape.NEGATED;
import static dev.veto.engine.match.CheckShape.REGEX;
import static dev.veto.engine.match.CheckShape.STARTS_WITH;
import static dev.veto.engine.match.CheckShape.STRING_IN;
import static dev.veto.engine.match.CheckShape.STRING_SET;
import static dev.veto.engine.match.CheckShape.WHOLE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code match:} expressions of one tool's conditions compiled for the hot path into one {@code int[]}
 * of checks with jumps: each check names its path's slot, the check to go to when it holds and when it
 * does not, or that the match is decided ({@link #MATCH}, {@link #MISS}), and its operand ({@link CheckShape}).
 * {@code all}, {@code any} and {@code not} become jumps ({@code not} swaps the targets), so evaluating is
 * a loop rather than calls down a tree.
 *
 * <p>Why an array: a call to a tool reads all of that tool's checks, and on a large policy they are
 * rarely in the CPU's cache. As objects (a check, its matcher, a set, its nodes, a string and its bytes)
 * each check cost several memory accesses to scattered places; here the checks and their operands lie in
 * the order they are evaluated, in one block the CPU reads ahead. The values a policy mostly meets (a
 * String, an int or long) are judged inline (text with the JDK's String methods on the check's interned
 * literal, see {@link CheckShape}); every other value (missing, null, another type) and operator
 * goes to the check's {@link PathCheck}, so answers and error messages are exactly the tree's.
 *
 * <p>The semantics are the tree's ({@link Expression}): checks run in the order written, stop as soon as
 * the result is known, and an {@link EvaluationException} propagates at once from wherever it is met. Each
 * distinct path of the tool has a slot ({@link SlotValues}): resolved at most once per call.
 */
public final class CheckProgram {

    /** The condition's match holds. */
    public static final int MATCH = -1;
    /** The condition's match does not hold. */
    public static final int MISS = -2;

    /** A check's words: kind and flags, slot, on true, on false, index of its PathCheck in refs, operands. */
    private static final int SLOT = 1;
    private static final int ON_TRUE = 2;
    private static final int ON_FALSE = 3;
    private static final int SOURCE = 4;
    private static final int OPERANDS = 5;

    private final int[] code;
    /** Each check's PathCheck, followed by its strings (CheckShape.strings: equality, text literal, regex pieces). */
    private final Object[] refs;
    private final ValuePath[] paths;

    private CheckProgram(int[] code, Object[] refs, ValuePath[] paths) {
        this.code = code;
        this.refs = refs;
        this.paths = paths;
    }

    /** A fresh set of slots for one call. */
    public SlotValues newCall(Map<String, ?> arguments, Map<String, ?> context) {
        return new SlotValues(arguments, context, paths);
    }

    /**
     * Whether the match that starts at {@code entry} (from {@link Builder#add}) holds for the call.
     *
     * @throws EvaluationException when a check on the way cannot be judged
     */
    public boolean holds(int entry, SlotValues call) throws EvaluationException {
        int[] code = this.code;
        int at = entry;
        while (at >= 0) {
            at = test(code, at, call) ? code[at + ON_TRUE] : code[at + ON_FALSE];
        }
        return at == MATCH;
    }

    private boolean test(int[] code, int at, SlotValues call) throws EvaluationException {
        int op = code[at];
        Object value;
        try {
            value = call.valueAt(code[at + SLOT]);
        } catch (EvaluationException | RuntimeException | StackOverflowError e) {
            throw source(at).unresolvable(e, null);
        }
        int operands = at + OPERANDS;
        switch (op & KIND) {
            case EXISTS:
                return value == ValuePath.MISSING ? (op & EXPECTED) == 0 : (value != null) == ((op & EXPECTED) != 0);
            case STRING_IN:
                if (value instanceof String s) {
                    return isOneOf(s, operands, code[at + SOURCE] + 1) != ((op & NEGATED) != 0);
                }
                break;
            case STRING_SET:
                if (value instanceof String s) {
                    // a long list: the hash's place in the check's table
                    return (CheckShape.numberIn(code, operands, refs, code[at + SOURCE] + 1, s) != 0) != ((op & NEGATED) != 0);
                }
                break;
            case WHOLE:
                if (ExactNumbers.isWholeType(value)) {
                    long number = ((Number) value).longValue();
                    boolean inRange = number >= IntWords.longAt(code, operands) && number <= IntWords.longAt(code, operands + 2);
                    return inRange != ((op & NEGATED) != 0);
                }
                break;
            case STARTS_WITH:
                if (value instanceof String s) {
                    return s.startsWith(text(code, at));
                }
                break;
            case ENDS_WITH:
                if (value instanceof String s) {
                    return s.endsWith(text(code, at));
                }
                break;
            case CONTAINS:
                if (value instanceof String s) {
                    return s.contains(text(code, at));
                }
                break;
            case MAX_LENGTH:
                if (value instanceof String s) {
                    long max = IntWords.longAt(code, operands);
                    // code points never outnumber chars: only a string longer in chars needs counting
                    return s.length() <= max || s.codePointCount(0, s.length()) <= max;
                }
                break;
            case REGEX:
                if (value instanceof String s) {
                    // a REGEX check is a plain regex (CheckShape), so its matcher is linear and cannot fail; its
                    // required pieces are checked here, inline, so the matcher is asked without checking them again
                    return mayMatch(s, code[operands], code[at + SOURCE] + 1, (op & IGNORE_CASE) != 0)
                            && ((CoreOperators.Regex) source(at).matcher()).linear().matches(s);
                }
                break;
            default:
                break;
        }
        return source(at).judge(value, null);
    }

    /**
     * Judges the one check laid out at {@code place} ({@link Builder#placeOf}) alone, as {@link #holds} would.
     *
     * @throws EvaluationException when it cannot be judged
     */
    public boolean judge(int place, SlotValues call) throws EvaluationException {
        return test(code, place, call);
    }

    private PathCheck source(int at) {
        return (PathCheck) refs[code[at + SOURCE]];
    }

    /** Hashes first: most values differ from every string, and then no string's text is read. */
    private boolean isOneOf(String s, int operands, int firstString) {
        int hash = s.hashCode();
        for (int i = 0, n = code[operands]; i < n; i++) {
            if (code[operands + 1 + i] == hash && refs[firstString + i].equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** The literal of a starts_with, ends_with or contains check: the first string after its PathCheck. */
    private String text(int[] code, int at) {
        return (String) refs[code[at + SOURCE] + 1];
    }

    /** {@link RequiredLiterals#mayMatch} on the check's pieces. */
    private boolean mayMatch(String s, int pieces, int firstPiece, boolean ignoreCase) {
        for (int i = 0; i < pieces; i++) {
            if (!RequiredLiterals.contains(s, (String) refs[firstPiece + i], ignoreCase)) {
                return false;
            }
        }
        return true;
    }

    /** Number of checks, for tests. */
    int size() {
        int count = 0;
        for (int at = 0; at < code.length; at += OPERANDS + operandWords(at)) {
            count++;
        }
        return count;
    }

    private int operandWords(int at) {
        int operands = at + OPERANDS;
        return switch (code[at] & KIND) {
            case STRING_IN -> 1 + code[operands];
            case STRING_SET -> 1 + 2 * (code[operands] + 1);
            case WHOLE -> 4;
            case MAX_LENGTH -> 2;
            case REGEX -> 1;
            default -> 0;
        };
    }

    /** Collects the conditions of one tool, in the order the evaluator will ask about them. */
    public static final class Builder {

        /** A check waiting for its place: targets are leaf numbers in emission order, or MATCH / MISS. */
        private record Leaf(PathCheck check, int onTrue, int onFalse) {
        }

        private int[] code = new int[64];
        private int size;
        private final List<Object> refs = new ArrayList<>();
        private final Map<ValuePath, Integer> slots = new IdentityHashMap<>();
        private final List<ValuePath> paths = new ArrayList<>();
        /** Each check's shape, read once: {@link #add} lays it out, {@link #typesThatCannotFail} reads its kind. */
        private final Map<PathCheck, CheckShape> shapeByCheck = new IdentityHashMap<>();
        /** Where each check was first laid out, for {@link CheckProgram#judge}. */
        private final Map<PathCheck, Integer> placeByCheck = new IdentityHashMap<>();

        /** Compiles one condition's match; the returned entry is what {@link #holds} starts from. */
        public int add(Expression match) {
            List<Leaf> emitted = new ArrayList<>();
            int entry = emit(match, MATCH, MISS, emitted);
            // Leaves were emitted last first (each needs its successors' places); they are laid out first first.
            int count = emitted.size();
            CheckShape[] shapes = new CheckShape[count];
            int[] places = new int[count];
            int at = size;
            for (int leaf = count - 1; leaf >= 0; leaf--) {
                shapes[leaf] = shapeOf(emitted.get(leaf).check());
                places[leaf] = at;
                at += OPERANDS + shapes[leaf].words.length;
            }
            for (int leaf = count - 1; leaf >= 0; leaf--) {
                Leaf emittedLeaf = emitted.get(leaf);
                CheckShape shape = shapes[leaf];
                placeByCheck.putIfAbsent(emittedLeaf.check(), size);
                append(shape.op);
                append(slotOf(emittedLeaf.check().path()));
                append(place(emittedLeaf.onTrue(), places));
                append(place(emittedLeaf.onFalse(), places));
                append(refs.size());
                refs.add(emittedLeaf.check());
                refs.addAll(List.of(shape.strings));
                for (int word : shape.words) {
                    append(word);
                }
            }
            return place(entry, places);
        }

        /**
         * What must hold of the call's values for the match (already {@link #add added}) to be judged
         * without error by the value's type alone: the slots that must hold a String ({@code kinds[0]}) and
         * those that must hold an int, long, short or byte ({@code kinds[1]}), added to the masks.
         *
         * @return false when no value's type can promise that, or a slot is beyond 63: a check judged by its
         *         matcher, such as a regex outside the plain grammar (some of those overflow the stack on long
         *         enough input; see {@link RequiredLiterals#plain})
         */
        public boolean typesThatCannotFail(Expression match, long[] kinds) {
            if (match instanceof PathCheck check) {
                int slot = slotOf(check.path());
                if (slot > 63) {
                    return false;
                }
                switch (shapeOf(check).op & KIND) {
                    case EXISTS:
                        return true;
                    case STRING_IN, STRING_SET, STARTS_WITH, ENDS_WITH, CONTAINS, MAX_LENGTH, REGEX:
                        kinds[0] |= 1L << slot;
                        return true;
                    case WHOLE:
                        kinds[1] |= 1L << slot;
                        return true;
                    default:
                        return false;
                }
            }
            if (match instanceof Expression.Not not) {
                return typesThatCannotFail(not.member(), kinds);
            }
            Expression[] members = match instanceof Expression.All all ? all.members() : ((Expression.Any) match).members();
            for (Expression member : members) {
                if (!typesThatCannotFail(member, kinds)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The classes of the tool's slots ({@link SlotClasses}), from every check {@link #add added} so far; null
         * when a check is neither decided by its value's class nor a text check, or a slot is both compared with
         * whole numbers and read as text (no value could pass both kinds without error).
         */
        public SlotClasses classes() {
            int count = paths.size();
            boolean[] strings = new boolean[count];
            boolean[] texts = new boolean[count];
            boolean[] wholes = new boolean[count];
            List<Set<String>> literals = new ArrayList<>();
            List<SortedSet<Long>> bounds = new ArrayList<>();
            for (int slot = 0; slot < count; slot++) {
                literals.add(new LinkedHashSet<>());
                bounds.add(new TreeSet<>());
            }
            for (Map.Entry<PathCheck, CheckShape> entry : shapeByCheck.entrySet()) {
                int slot = slotOf(entry.getKey().path());
                CheckShape shape = entry.getValue();
                switch (shape.op & KIND) {
                    case EXISTS -> { }
                    case STRING_IN, STRING_SET -> {
                        strings[slot] = true;
                        literals.get(slot).addAll(List.of(shape.strings));
                    }
                    case WHOLE -> {
                        wholes[slot] = true;
                        long lowest = IntWords.longAt(shape.words, 0);
                        long highest = IntWords.longAt(shape.words, 2);
                        if (lowest != Long.MIN_VALUE) {
                            bounds.get(slot).add(lowest);
                        }
                        if (highest != Long.MAX_VALUE) {
                            bounds.get(slot).add(highest + 1);
                        }
                    }
                    default -> {
                        if (!CheckShape.isText(shape.op)) {
                            return null;
                        }
                        texts[slot] = true;
                    }
                }
            }
            int[] kinds = new int[count];
            String[][] ownLiterals = new String[count][];
            long[][] ownBounds = new long[count][];
            for (int slot = 0; slot < count; slot++) {
                if (wholes[slot] && (strings[slot] || texts[slot])) {
                    return null;
                }
                if (wholes[slot]) {
                    kinds[slot] = SlotClasses.WHOLE;
                    ownBounds[slot] = bounds.get(slot).stream().mapToLong(Long::longValue).toArray();
                } else if (strings[slot]) {
                    kinds[slot] = SlotClasses.STRING;
                    ownLiterals[slot] = literals.get(slot).toArray(new String[0]);
                } else {
                    kinds[slot] = texts[slot] ? SlotClasses.TEXT : SlotClasses.PRESENCE;
                }
            }
            return new SlotClasses(kinds, ownLiterals, ownBounds);
        }

        /** Whether the check is judged on its own (text), rather than decided by its value's class. */
        public boolean isTextCheck(PathCheck check) {
            return CheckShape.isText(shapeOf(check).op);
        }

        /** Whether a check decided by its value's class holds for the values of class {@code cls}. */
        public boolean holds(SlotClasses classes, PathCheck check, int cls) {
            return classes.holds(shapeOf(check), slotOf(check.path()), cls);
        }

        /** The slot of the check's path. */
        public int slotOf(PathCheck check) {
            return slotOf(check.path());
        }

        /** Where the check was laid out, for {@link CheckProgram#judge}. */
        public int placeOf(PathCheck check) {
            return placeByCheck.get(check);
        }

        private CheckShape shapeOf(PathCheck check) {
            return shapeByCheck.computeIfAbsent(check, c -> CheckShape.of(c.matcher()));
        }

        private int slotOf(ValuePath path) {
            return slots.computeIfAbsent(path, p -> {
                paths.add(p);
                return paths.size() - 1;
            });
        }

        private static int place(int target, int[] places) {
            return target < 0 ? target : places[target];
        }

        private void append(int word) {
            if (size == code.length) {
                code = Arrays.copyOf(code, size * 2);
            }
            code[size++] = word;
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
            return new CheckProgram(Arrays.copyOf(code, size), refs.toArray(), paths.toArray(new ValuePath[0]));
        }
    }
}
