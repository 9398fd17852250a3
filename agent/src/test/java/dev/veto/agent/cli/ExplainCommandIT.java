package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code java -jar veto-agent.jar explain ...}, on the built jar, with the seed policy. */
class ExplainCommandIT {

    @Test
    void theTraceShowsEachRuleConditionAndCheckWithItsValueAndVerdict() throws Exception {
        VetoJar.Result result = VetoJar.run("explain", "--policy", VetoJar.SEED.toString(), "--tool", "issue_refund",
                "--args", "{\"order_id\": \"A-1002\", \"amount\": 4000}", "--context", "{\"role\": \"support_l1\", \"userId\": \"ann\"}");
        assertEquals(0, result.exitCode(), result::toString);
        String out = result.out();
        assertTrue(out.contains("rule refund-limits (rules[0], tool issue_refund): require_approval, from rules[0].conditions[1]"), out);
        assertTrue(out.contains("  rules[0].conditions[0] -> allow: miss"), out);
        assertTrue(out.contains("    arguments.amount <= 200  value 4000  -> miss"), out);
        assertTrue(out.contains("  rules[0].conditions[1] -> require_approval: match"), out);
        assertTrue(out.contains("rule refund-positive (rules[1], tool issue_refund): none"), out);
        assertTrue(out.contains("    arguments.amount <= 0  value 4000  -> miss"), out);
        assertTrue(out.contains("decision: require_approval -- rule refund-limits at rules[0].conditions[1] decided require_approval"
                + ": Refunds above 200 need a supervisor's approval for L1 support"), out);
    }

    @Test
    void aMissingValueIsShownAsTheErrorThatDenied() throws Exception {
        VetoJar.Result result = VetoJar.run("explain", "--policy", VetoJar.SEED.toString(), "--tool", "issue_refund",
                "--args", "{\"order_id\": \"A-1\"}", "--context", "{\"role\": \"support_l1\"}");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("-> error"), result::toString);
        assertTrue(result.out().contains("decision: deny"), result::toString);
    }

    @Test
    void anUnknownToolSaysNoRuleMatches() throws Exception {
        VetoJar.Result result = VetoJar.run("explain", "--policy", VetoJar.SEED.toString(), "--tool", "transfer_funds",
                "--args", "{}");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("no rule's tool matches 'transfer_funds'"), result::toString);
        assertTrue(result.out().contains("decision: deny -- no rule decided, so default_action gives deny"), result::toString);
    }
}
