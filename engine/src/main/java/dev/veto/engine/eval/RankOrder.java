package dev.veto.engine.eval;

/**
 * What lets {@link RankFirst} leave out the rules of a tool that cannot change a call's decision, built
 * with the tool's {@link ToolProgram}. Rule {@code r} (in file order) has its head at plan position
 * {@code heads[r]} and can give at most the rank {@code maxRanks[r]} ({@link Verdict#rank}).
 *
 * <p>A rule can be left out of a call only if evaluating it could not have failed, since a failure is a
 * deny that decides when no rule denies by its own action. For a rule whose every check is judged inline
 * ({@code skippable}), the types of the call's values promise that: its checks cannot fail when each slot
 * in {@code strings[r]} holds a String and each slot in {@code wholes[r]} an int, long, short or byte (see
 * {@link dev.veto.engine.match.CheckProgram.Builder#typesThatCannotFail}); a regex counts only in the plain
 * grammar, which cannot overflow the stack. Any other regex, a check its matcher judges, or a rule with
 * limits (whose limits apply whenever it would allow) is never left out.
 *
 * @param denying   the rules that can deny, as bits
 * @param skippable the rules that can be left out when their values' types allow, as bits
 */
record RankOrder(int[] heads, int[] maxRanks, long[] strings, long[] wholes, long denying, long skippable) {

    /** Rules are bits of a long. */
    static final int MAX_RULES = 64;

    /** Every rule of the tool, as bits. */
    long everyRule() {
        return heads.length == MAX_RULES ? -1L : (1L << heads.length) - 1;
    }

    /** Collects the rules in file order. */
    static final class Builder {
        private final int[] heads;
        private final int[] maxRanks;
        private final long[] strings;
        private final long[] wholes;
        private long denying;
        private long skippable;
        private int count;

        Builder(int rules) {
            heads = new int[rules];
            maxRanks = new int[rules];
            strings = new long[rules];
            wholes = new long[rules];
        }

        /**
         * @param kinds the slots that must hold a String ({@code [0]}) and a whole number ({@code [1]}); null
         *              when no value's type can promise that the rule's checks do not fail
         */
        void add(int head, int maxRank, long[] kinds) {
            int r = count++;
            heads[r] = head;
            maxRanks[r] = maxRank;
            if (maxRank == Verdict.DENY_RANK) {
                denying |= 1L << r;
            }
            if (kinds != null) {
                strings[r] = kinds[0];
                wholes[r] = kinds[1];
                skippable |= 1L << r;
            }
        }

        RankOrder build() {
            return new RankOrder(heads, maxRanks, strings, wholes, denying, skippable);
        }
    }
}
