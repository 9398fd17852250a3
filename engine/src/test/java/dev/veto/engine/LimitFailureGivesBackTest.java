package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A call whose limit cannot be applied is denied and takes nothing: a value that the limit cannot even read
 * (an amount or key of 100E+2147483647, whose exponent overflows when normalised) must not use up what the
 * rule's other limits, or another rule's, allow other calls.
 */
class LimitFailureGivesBackTest {

    private static final String OVERFLOWING = "100E+2147483647";

    @Test
    void anAmountThatCannotBeReadGivesBackTheRatePermitItTook() throws Exception {
        try (Veto veto = Veto.builder().nanoClock(() -> 7).policyText("""
                rules:
                  - id: pay
                    tool: pay
                    action: allow
                    constraints:
                      rate_limit: 2/hour
                      budget: {sum: arguments.amount, limit: 100/day}
                """).build()) {
            for (int i = 0; i < 5; i++) {
                Decision refused = veto.protect("pay", Map.of("amount", OVERFLOWING), Map.of());
                assertEquals(Action.DENY, refused.action(), refused.reason());
                assertEquals("pay", refused.ruleId(), refused.reason());
            }
            assertEquals(Action.ALLOW, veto.protect("pay", Map.of("amount", 1), Map.of()).action());
            assertEquals(Action.ALLOW, veto.protect("pay", Map.of("amount", 1), Map.of()).action());
            Decision third = veto.protect("pay", Map.of("amount", 1), Map.of());
            assertTrue(third.reason().contains("rate limit of rule pay reached"), third.reason());
        }
    }

    @Test
    void aKeyThatCannotBeReadGivesBackWhatAnEarlierRuleTook() throws Exception {
        try (Veto veto = Veto.builder().nanoClock(() -> 7).policyText("""
                rules:
                  - id: everyone
                    tool: send
                    action: allow
                    constraints:
                      rate_limit: 2/hour
                  - id: per-account
                    tool: send
                    action: allow
                    constraints:
                      rate_limit: {limit: 10/hour, per: arguments.account}
                """).build()) {
            for (int i = 0; i < 5; i++) {
                Decision refused = veto.protect("send", Map.of("account", OVERFLOWING), Map.of());
                assertEquals(Action.DENY, refused.action(), refused.reason());
                assertEquals("per-account", refused.ruleId(), refused.reason());
            }
            assertEquals(Action.ALLOW, veto.protect("send", Map.of("account", "a"), Map.of()).action());
            assertEquals(Action.ALLOW, veto.protect("send", Map.of("account", "b"), Map.of()).action());
        }
    }
}
