package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reason of a rule that could not be evaluated names the check, and for most errors quotes the value. When
 * the policy redacts that value, the quote must not carry it past the mask: into the decision log line whose
 * arguments say "***", or (for a context value the model never saw) into the refusal the model reads.
 */
class ReasonRedactionTest {

    private static final String POLICY = """
            redact: [arguments.to, arguments.url, context.token, arguments.items.card]
            rules:
              - tool: mail
                conditions:
                  - match: {arguments.to: {email_domain_in: [acme.example]}}
                    action: allow
              - tool: get
                conditions:
                  - match: {arguments.url: {host_in: [api.example.com]}}
                    action: allow
              - tool: tok
                conditions:
                  - match: {context.token: "<= 5"}
                    action: allow
              - tool: pay
                conditions:
                  - match: {"arguments.items[0].card": "<= 5", arguments.note: "<= 5"}
                    action: allow
            """;

    @Test
    void aRedactedValueIsNotQuotedInTheReason() throws Exception {
        RecordingLog log = new RecordingLog();
        try (Veto veto = Veto.builder().policyText(POLICY).decisionLog(log).build()) {
            assertEquals("rule rules[0] could not be evaluated, so the call is denied: arguments.to (operator email_domain_in):"
                    + " its value cannot be judged (not shown: the policy redacts arguments.to)",
                    veto.protect("mail", Map.of("to", "Jane Secret <jane.private@home.example"), Map.of()).reason());
            assertEquals("rule rules[1] could not be evaluated, so the call is denied: arguments.url (operator host_in):"
                    + " its value cannot be judged (not shown: the policy redacts arguments.url)",
                    veto.protect("get", Map.of("url", "https://api.example.com/x?token=SECRET123 "), Map.of()).reason());
            assertEquals("rule rules[2] could not be evaluated, so the call is denied: context.token (operator <=):"
                    + " its value cannot be judged (not shown: the policy redacts context.token)",
                    veto.protect("tok", Map.of(), Map.of("token", "sk_live_SECRET")).reason());
            assertEquals("rule rules[3] could not be evaluated, so the call is denied: arguments.items[0].card (operator <=):"
                    + " its value cannot be judged (not shown: the policy redacts arguments.items[0].card)",
                    veto.protect("pay", Map.of("items", List.of(Map.of("card", "4111-SECRET"))), Map.of()).reason());
            // a value the policy does not redact is still quoted, and a missing one is still said to be missing
            assertEquals("rule rules[3] could not be evaluated, so the call is denied: arguments.note (operator <=):"
                    + " value is the string \"plain\", expected a number",
                    veto.protect("pay", Map.of("items", List.of(Map.of("card", 1)), "note", "plain"), Map.of()).reason());
            assertEquals("rule rules[2] could not be evaluated, so the call is denied: context.token is missing (operator <=)",
                    veto.protect("tok", Map.of(), Map.of()).reason());
        }
        log.records.forEach(record -> assertFalse(record.reason().contains("SECRET"), record::toString));
    }

    /**
     * A budget's refusal quoted the amount asked and the amount left, and an amount it could not add up (a
     * negative one, a text, too many decimals) as it was: for a budget over a redacted path, the masked value,
     * or the sum of earlier ones, reached the decision log's reason and the refusal beside "***".
     */
    @Test
    void aRedactedBudgetAmountIsNotQuotedInTheReason() throws Exception {
        String policy = """
                redact: [arguments.salary]
                rules:
                  - id: payroll
                    tool: pay
                    action: allow
                    constraints:
                      budget: {sum: arguments.salary, limit: 100000/day}
                """;
        RecordingLog log = new RecordingLog();
        try (Veto veto = Veto.builder().policyText(policy).decisionLog(log).build()) {
            assertEquals("allow", veto.protect("pay", Map.of("salary", 61_234), Map.of()).action().policyName());
            String hidden = " (amounts not shown: the policy redacts arguments.salary)";
            assertEquals("budget of rule payroll exceeded: arguments.salary may add up to 100000/day" + hidden,
                    veto.protect("pay", Map.of("salary", 54_321), Map.of()).reason());
            assertEquals("rule payroll's limit could not be applied, so the call is denied: budget sums arguments.salary,"
                    + " which is negative" + hidden,
                    veto.protect("pay", Map.of("salary", -77_777), Map.of()).reason());
            assertEquals("rule payroll's limit could not be applied, so the call is denied: budget sums arguments.salary,"
                    + " which cannot be added up" + hidden,
                    veto.protect("pay", Map.of("salary", "SECRET"), Map.of()).reason());
            assertEquals("rule payroll's limit could not be applied, so the call is denied: budget sums arguments.salary,"
                    + " which has more than 30 decimal places" + hidden,
                    veto.protect("pay", Map.of("salary", new java.math.BigDecimal("1." + "0".repeat(40) + "1")), Map.of()).reason());
        }
        for (var record : log.records) {
            for (String secret : List.of("SECRET", "54321", "54,321", "77777", "38766", "61234", "0001")) {
                assertFalse(record.reason().contains(secret), record::toString);
            }
        }
    }
}
