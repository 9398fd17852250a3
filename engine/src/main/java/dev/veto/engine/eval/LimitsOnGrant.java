package dev.veto.engine.eval;

import java.util.List;
import java.util.Map;

/**
 * The rate limits and budgets of a call held for approval, applied when the call is granted.
 *
 * <p>Why then: a limit counts the calls its rule lets through, and a held call is let through only when a
 * reviewer (or an escalation of allow) grants it. So holding a call takes nothing, a refused or timed-out
 * call never used anything up, and a reviewer cannot lift a limit: a grant that a limit refuses ends as a
 * denial. This is what lets the seed hold an injected $50,000 refund for a supervisor, although it is over
 * the daily budget, and still never pay it.
 */
public final class LimitsOnGrant {

    /** A held call whose rules have no limits. */
    public static final LimitsOnGrant NONE = new LimitsOnGrant(List.of(), Map.of(), Map.of());

    private final List<CompiledRule> limited;
    private final Map<String, ?> arguments;
    private final Map<String, ?> context;

    LimitsOnGrant(List<CompiledRule> limited, Map<String, ?> arguments, Map<String, ?> context) {
        this.limited = limited;
        this.arguments = arguments;
        this.context = context;
    }

    /**
     * Takes what the granted call needs from every limit, all or nothing (exact under concurrency, like a
     * call allowed at once).
     *
     * @return why a limit refuses the call (then it took nothing), or null when every limit let it through
     */
    public String applyOnGrant() {
        return limited.isEmpty() ? null : LimitGate.apply(limited, arguments, context, null).denyReason();
    }
}
