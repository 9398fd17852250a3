package dev.veto.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import dev.veto.engine.Veto;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hot path leaves out rules that cannot change a decision ({@link RankFirst}), and must still decide
 * exactly as evaluating every rule in file order does: each case below is one way leaving a rule out could
 * go wrong, and checks the decision against {@code explain}, which evaluates every rule.
 */
class RankFirstTest {

    /** Decides with {@code protect} and with {@code explain}, requires both to agree, and returns the decision. */
    private static Decision decide(String policy, Map<String, ?> arguments) {
        try (Veto hot = Veto.builder().policyText(policy).build();
                Veto traced = Veto.builder().policyText(policy).build()) {
            Decision decision = hot.protect("t", arguments, Map.of());
            Decision explained = traced.explain("t", arguments, Map.of()).decision();
            assertEquals(explained.enforcedAction(), decision.enforcedAction(), decision.toString());
            assertEquals(explained.ruleId(), decision.ruleId(), decision.toString());
            assertEquals(explained.reason(), decision.reason(), decision.toString());
            return decision;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final String EARLY_ALLOW_LATE_DENY = """
            name: p
            default_action: allow
            rules:
              - id: small
                tool: t
                conditions:
                  - match: {arguments.amount: "<= 100"}
                    action: allow
              - id: blocked
                tool: t
                conditions:
                  - match: {arguments.region: {starts_with: blocked}}
                    action: deny
            """;

    /** A rule's own deny decides, even when a rule before it could not be evaluated. */
    @Test
    void aLaterDenyDecidesBeforeAnEarlierRuleThatFails() {
        Decision denied = decide(EARLY_ALLOW_LATE_DENY, Map.of("amount", "lots", "region", "blocked-eu"));
        assertEquals(Action.DENY, denied.action());
        assertEquals("blocked", denied.ruleId());
        assertFalse(denied.reason().contains("could not be evaluated"), denied.reason());
    }

    /** With no rule's own deny, the first rule in file order that fails decides, though it cannot deny itself. */
    @Test
    void withNoDenyTheFirstRuleThatFailsDecides() {
        Decision failed = decide(EARLY_ALLOW_LATE_DENY, Map.of("amount", "lots", "region", "eu"));
        assertEquals(Action.DENY, failed.action());
        assertEquals("small", failed.ruleId());
        assertTrue(failed.reason().contains("could not be evaluated"), failed.reason());

        // both fail: the rule that can deny is evaluated first, and the earlier one still decides
        Decision bothFail = decide(EARLY_ALLOW_LATE_DENY, Map.of("amount", "lots", "region", 7));
        assertEquals("small", bothFail.ruleId());
        assertTrue(bothFail.reason().contains("could not be evaluated"), bothFail.reason());

        Decision onlyTheDenyFails = decide(EARLY_ALLOW_LATE_DENY, Map.of("amount", 50, "region", 7));
        assertEquals("blocked", onlyTheDenyFails.ruleId());
        assertTrue(onlyTheDenyFails.reason().contains("could not be evaluated"), onlyTheDenyFails.reason());

        assertEquals(Action.ALLOW, decide(EARLY_ALLOW_LATE_DENY, Map.of("amount", 50, "region", "eu")).action());
    }

    private static final String HOLD_THEN_ALLOW = """
            name: p
            default_action: deny
            rules:
              - id: hold
                tool: t
                action: require_approval
                approval: {channel: console, timeout: 1s, escalation: deny}
              - id: regions
                tool: t
                conditions:
                  - match: {arguments.region: {in: [eu, us]}}
                    action: allow
            """;

    @Test
    void aRuleThatCannotOutrankIsLeftOutOnlyWhenItCannotFail() {
        Decision held = decide(HOLD_THEN_ALLOW, Map.of("region", "eu"));
        assertEquals(Action.APPROVAL_REQUIRED, held.enforcedAction());
        assertEquals("hold", held.ruleId());

        Decision failed = decide(HOLD_THEN_ALLOW, Map.of("region", 7));
        assertEquals(Action.DENY, failed.action());
        assertEquals("regions", failed.ruleId());

        Decision missing = decide(HOLD_THEN_ALLOW, Map.of());
        assertEquals(Action.DENY, missing.action());
        assertEquals("regions", missing.ruleId());
    }

    private static final String SHADOWED_DENY = """
            name: p
            default_action: deny
            rules:
              - id: admins
                tool: t
                conditions:
                  - match: {arguments.role: admin}
                    action: allow
                  - match: {arguments.amount: "> 100"}
                    action: deny
              - id: large
                tool: t
                conditions:
                  - match: {arguments.amount: "> 100"}
                    action: require_approval
                    approval: {channel: console, timeout: 1s, escalation: deny}
            """;

    @Test
    void aDenyAfterAConditionOfItsRuleThatHoldsIsNoDeny() {
        Decision held = decide(SHADOWED_DENY, Map.of("role", "admin", "amount", 500));
        assertEquals(Action.APPROVAL_REQUIRED, held.enforcedAction());
        assertEquals("large", held.ruleId());

        Decision denied = decide(SHADOWED_DENY, Map.of("role", "clerk", "amount", 500));
        assertEquals(Action.DENY, denied.action());
        assertEquals("admins", denied.ruleId());

        Decision allowed = decide(SHADOWED_DENY, Map.of("role", "admin", "amount", 5));
        assertEquals(Action.ALLOW, allowed.action());
        assertEquals("admins", allowed.ruleId());
    }

    private static final String EQUAL_OPINIONS = """
            name: p
            default_action: deny
            rules:
              - id: first
                tool: t
                conditions:
                  - match: {arguments.amount: "> 10"}
                    action: require_approval
                    approval: {channel: console, timeout: 1s, escalation: deny}
              - id: second
                tool: t
                conditions:
                  - match: {arguments.amount: "> 5"}
                    action: require_approval
                    approval: {channel: console, timeout: 1s, escalation: deny}
                  - match: {arguments.amount: "> 1000"}
                    action: deny
            """;

    @Test
    void ofTwoEqualOpinionsTheEarlierRuleDecidesThoughTheLaterCanDenyAndIsAskedFirst() {
        assertEquals("first", decide(EQUAL_OPINIONS, Map.of("amount", 50)).ruleId());
        assertEquals("second", decide(EQUAL_OPINIONS, Map.of("amount", 7)).ruleId());
        Decision small = decide(EQUAL_OPINIONS, Map.of("amount", 1));
        assertEquals(Action.DENY, small.action());
        assertEquals(null, small.ruleId(), "default_action");
    }

    private static final String ALLOW_THEN_REGEX = """
            name: p
            default_action: deny
            rules:
              - id: everyone
                tool: t
                action: allow
              - id: pattern
                tool: t
                conditions:
                  - match: {arguments.text: {regex: "(a|b)*"}}
                    action: allow
            """;

    /**
     * The second rule cannot change an allow the first already gave, so it is left out when it cannot fail.
     * A String does not promise that a regex with a group cannot fail: deep enough input overflows the stack
     * of this one. (Only regexes of the plain grammar, which cannot, are ever left out.)
     */
    @Test
    void aRegexWithAGroupIsNeverLeftOut() {
        Decision failed = decide(ALLOW_THEN_REGEX, Map.of("text", "ab".repeat(500_000)));
        assertEquals(Action.DENY, failed.action());
        assertEquals("pattern", failed.ruleId());
        assertTrue(failed.reason().contains("could not be evaluated"), failed.reason());
        assertEquals("everyone", decide(ALLOW_THEN_REGEX, Map.of("text", "abab")).ruleId());
    }
}
