package dev.veto.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rule as far as a {@link DiagramBuilder} state still leaves it unknown: its conditions that may still
 * hold, in order; {@code closed} when the last one surely holds (nothing after it is reached); otherwise the
 * opinion when none holds (position -1 and rank -1: no opinion). Immutable; its hash and the checks it
 * mentions are kept, since states are compared and rebuilt many times while a diagram is built.
 */
final class OpenRule {

    /** A condition's match, as far as it is still unknown. */
    sealed interface Term permits Known, Check, All, Any, Not {
    }

    record Known(boolean value) implements Term {
    }

    /** An unknown check: its number among the tool's checks. */
    record Check(int number) implements Term {
    }

    record All(List<Term> members) implements Term {
    }

    record Any(List<Term> members) implements Term {
    }

    record Not(Term member) implements Term {
    }

    /** A condition still in play: its match, and the plan position and rank of its opinion. */
    record OpenCondition(Term match, int position, int rank) {
    }

    static final Term TRUE = new Known(true);
    static final Term FALSE = new Known(false);
    static final OpenRule NO_OPINION = new OpenRule(List.of(), false, -1, -1);

    final List<OpenCondition> conditions;
    final boolean closed;
    final int fallPosition;
    final int fallRank;
    /** The highest rank it may still give; -1: none. */
    final int maxRank;
    final int[] mentioned;
    private final int hash;

    private OpenRule(List<OpenCondition> conditions, boolean closed, int fallPosition, int fallRank) {
        this.conditions = conditions;
        this.closed = closed;
        this.fallPosition = fallPosition;
        this.fallRank = fallRank;
        int max = closed ? -1 : fallRank;
        List<Integer> checks = new ArrayList<>();
        for (OpenCondition condition : conditions) {
            max = Math.max(max, condition.rank());
            mentions(condition.match(), checks);
        }
        this.maxRank = max;
        this.mentioned = checks.stream().mapToInt(Integer::intValue).toArray();
        this.hash = Objects.hash(conditions, closed, fallPosition, fallRank);
    }

    /** The rule with its conditions that cannot hold dropped, and everything after the first that surely does. */
    static OpenRule of(List<OpenCondition> conditions, int fallPosition, int fallRank) {
        List<OpenCondition> kept = new ArrayList<>();
        for (OpenCondition condition : conditions) {
            if (condition.match().equals(FALSE)) {
                continue;
            }
            kept.add(condition);
            if (condition.match().equals(TRUE)) {
                return new OpenRule(List.copyOf(kept), true, -1, -1);
            }
        }
        return new OpenRule(List.copyOf(kept), false, fallPosition, fallRank);
    }

    private static void mentions(Term term, List<Integer> checks) {
        if (term instanceof Check check) {
            checks.add(check.number());
        } else if (term instanceof Not not) {
            mentions(not.member(), checks);
        } else if (term instanceof All all) {
            all.members().forEach(member -> mentions(member, checks));
        } else if (term instanceof Any any) {
            any.members().forEach(member -> mentions(member, checks));
        }
    }

    boolean known() {
        return conditions.isEmpty() || closed && conditions.size() == 1;
    }

    int knownPosition() {
        return conditions.isEmpty() ? fallPosition : conditions.get(0).position();
    }

    int knownRank() {
        return conditions.isEmpty() ? fallRank : conditions.get(0).rank();
    }

    /** The rule with the checks in {@code values} (null: still unknown) put in; itself when it mentions none. */
    OpenRule assigned(Boolean[] values) {
        if (known() || !mentionsAny(values)) {
            return this;
        }
        List<OpenCondition> next = new ArrayList<>();
        for (OpenCondition condition : conditions) {
            next.add(new OpenCondition(assign(condition.match(), values), condition.position(), condition.rank()));
        }
        return of(next, fallPosition, fallRank);
    }

    private boolean mentionsAny(Boolean[] values) {
        for (int check : mentioned) {
            if (values[check] != null) {
                return true;
            }
        }
        return false;
    }

    /** The term with the known checks put in, simplified (an all with a false member is false, and so on). */
    static Term assign(Term term, Boolean[] values) {
        if (term instanceof Check check) {
            Boolean value = check.number() < values.length ? values[check.number()] : null;
            return value == null ? term : value ? TRUE : FALSE;
        }
        if (term instanceof Not not) {
            Term member = assign(not.member(), values);
            return member instanceof Known known ? (known.value() ? FALSE : TRUE) : new Not(member);
        }
        if (term instanceof Known) {
            return term;
        }
        boolean all = term instanceof All;
        List<Term> members = all ? ((All) term).members() : ((Any) term).members();
        List<Term> left = new ArrayList<>();
        for (Term member : members) {
            Term assigned = assign(member, values);
            if (assigned instanceof Known known) {
                if (known.value() != all) {
                    return known; // false in an all, true in an any: decided
                }
                continue;
            }
            left.add(assigned);
        }
        if (left.isEmpty()) {
            return all ? TRUE : FALSE;
        }
        if (left.size() == 1) {
            return left.get(0);
        }
        return all ? new All(List.copyOf(left)) : new Any(List.copyOf(left));
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof OpenRule other && other.hash == hash && other.closed == closed
                && other.fallPosition == fallPosition && other.fallRank == fallRank
                && other.conditions.equals(conditions);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
