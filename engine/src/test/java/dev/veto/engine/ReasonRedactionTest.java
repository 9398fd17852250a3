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
}
