package dev.veto.bench.refund;

import dev.veto.bench.engine.ToolCall;
import dev.veto.engine.Action;

/**
 * The floor: the seed policy's refund rules hand-written as an {@code if} chain over the same argument
 * and context maps our engine receives. No policy file, no fail-closed checks beyond the casts: the cost
 * of the decision itself and nothing else.
 */
public final class IfChainRefunds implements RefundDecider<ToolCall> {

    @Override
    public String name() {
        return "if-chain";
    }

    @Override
    public ToolCall request(RefundCall call) {
        return call.toolCall();
    }

    @Override
    public Action decide(ToolCall request) {
        if (!(request.arguments().get("amount") instanceof Number number)
                || !(request.context().get("role") instanceof String role)) {
            return Action.DENY;
        }
        long amount = number.longValue();
        if (amount <= 0) {
            return Action.DENY;
        }
        if (role.equals("support_l1")) {
            return amount <= 200 ? Action.ALLOW : Action.APPROVAL_REQUIRED;
        }
        if (role.equals("support_l2")) {
            return amount <= 2000 ? Action.ALLOW : Action.APPROVAL_REQUIRED;
        }
        return Action.DENY;
    }
}
