package dev.veto.bench.refund;

import dev.veto.bench.engine.ToolCall;
import dev.veto.engine.Action;
import java.util.Map;

/**
 * One {@code issue_refund} call as every engine under comparison sees it: who asks (the role, from the
 * caller's context) and how much (the amount argument).
 *
 * @param role   {@code context.role}
 * @param amount {@code arguments.amount}
 */
public record RefundCall(String role, long amount) {

    public static final String TOOL = "issue_refund";

    /**
     * The call the benchmarks use for each decision the seed's refund rules can give: an L1 refund under
     * the limit, one over it, and a negative amount (which the refund-positive rule denies although the
     * refund-limits rule would allow it: deny beats allow).
     */
    public static RefundCall expecting(Action decision) {
        return switch (decision) {
            case ALLOW -> new RefundCall("support_l1", 150);
            case APPROVAL_REQUIRED -> new RefundCall("support_l1", 500);
            case DENY -> new RefundCall("support_l1", -5);
        };
    }

    public Map<String, Object> arguments() {
        return Map.of("amount", amount);
    }

    public Map<String, Object> context() {
        return Map.of("role", role);
    }

    /** The call as our engine and the if chain receive it, as the agent would hand it over. */
    public ToolCall toolCall() {
        return new ToolCall(TOOL, arguments(), context());
    }
}
