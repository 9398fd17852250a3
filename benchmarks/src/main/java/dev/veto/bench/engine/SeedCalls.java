package dev.veto.bench.engine;

import dev.veto.engine.Action;
import java.util.Map;

/**
 * The calls the seed-policy benchmark decides, one per outcome. None is a refund that the seed would let
 * through: its refund rule counts allowed refunds (20 an hour), so an allowed refund would turn into a
 * rate-limit denial after the 20th call; a held refund that is refused gives its count back.
 */
public final class SeedCalls {

    public static final String POLICY_RESOURCE = "policies/support-agent.yaml";

    private static final Map<String, Object> L1_AGENT = Map.of("role", "support_l1", "userId", "u-42");

    private SeedCalls() {
    }

    public static ToolCall expecting(Action decision) {
        return switch (decision) {
            // email-customers: not a staff address, a body under 5,000 characters.
            case ALLOW -> new ToolCall("send_email",
                    Map.of("to", "jane@customer.example", "body", "Your refund of $45 is on its way."), L1_AGENT);
            // read-only-sql misses, no-schema-changes matches: both regexes run.
            case DENY -> new ToolCall("execute_sql", Map.of("query", "DROP TABLE customers"), L1_AGENT);
            // refund-limits: an L1 refund over 200 is held for a supervisor.
            case APPROVAL_REQUIRED -> new ToolCall("issue_refund",
                    Map.of("order_id", "A-1002", "amount", 500), L1_AGENT);
        };
    }
}
