package dev.veto.engine.match.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import dev.veto.engine.Veto;
import dev.veto.engine.policy.PolicyException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The semantic operators through a whole policy and {@link Veto#protect}: what a policy author sees. */
class SemanticPolicyTest {

    private static final String POLICY = """
            name: semantic
            default_action: deny
            rules:
              - id: read-only-sql
                tool: execute_sql
                conditions:
                  - match:
                      arguments.query:
                        sql: {allow: [SELECT]}
                    action: allow
              - id: fetch-partners
                tool: fetch
                conditions:
                  - match:
                      arguments.url: {ip_private: true}
                    action: deny
                    reason: No requests to private addresses
                  - match:
                      arguments.url: {host_in: [api.partner.example], scheme_in: [https]}
                    action: allow
              - id: mail-customers
                tool: send_email
                conditions:
                  - match:
                      arguments.to: {email_domain_not_in: [acme.example]}
                      arguments.subject: {charset: single_line}
                    action: allow
            """;

    private final Veto veto = veto(POLICY);

    @Test
    void aSelectIsAllowedAndASelectFollowedByADropIsDenied() {
        assertEquals(Action.ALLOW, call("execute_sql", Map.of("query", "SELECT 1")).action());
        Decision smuggled = call("execute_sql", Map.of("query", "SELECT 1; DROP TABLE x"));
        assertEquals(Action.DENY, smuggled.action());
    }

    @Test
    void sqlThatDoesNotParseIsDeniedWithAReasonNamingPathAndOperator() {
        Decision decision = call("execute_sql", Map.of("query", "SELECT 1 /*! ; DROP TABLE x */"));
        assertEquals(Action.DENY, decision.action());
        assertTrue(decision.reason().contains("arguments.query") && decision.reason().contains("sql"), decision.reason());
    }

    @Test
    void urlsAreJudgedByWhereTheyConnect() {
        assertEquals(Action.ALLOW, call("fetch", Map.of("url", "https://api.partner.example/v1/orders")).action());
        assertEquals(Action.DENY, call("fetch", Map.of("url", "https://api.partner.example@evil.example/")).action());
        Decision metadata = call("fetch", Map.of("url", "http://2852039166/latest/meta-data/"));
        assertEquals(Action.DENY, metadata.action());
        assertEquals("No requests to private addresses", metadata.reason());
        assertEquals(Action.DENY, call("fetch", Map.of("url", "https://api.partner.example\\@evil.example/")).action());
    }

    @Test
    void oneStaffRecipientAmongCustomersIsEnoughToDeny() {
        assertEquals(Action.ALLOW, call("send_email", Map.of("to", "Jane <jane@example.com>", "subject", "Your order")).action());
        assertEquals(Action.DENY, call("send_email",
                Map.of("to", "jane@example.com, boss@ACME.example", "subject", "Your order")).action());
        assertEquals(Action.DENY, call("send_email",
                Map.of("to", "jane@example.com", "subject", "Hi\r\nBcc: boss@acme.example")).action());
    }

    @Test
    void aBadOperandIsRefusedAtLoadWithItsLocation() {
        PolicyException e = assertThrows(PolicyException.class, () -> Veto.fromString("""
                name: bad
                default_action: deny
                rules:
                  - tool: execute_sql
                    conditions:
                      - match:
                          arguments.query:
                            sql: {allow: [SELECT, DORP]}
                        action: allow
                """));
        String message = e.problems().get(0).toString();
        assertTrue(message.contains(":8:") && message.contains("DORP"), message);
    }

    private Decision call(String tool, Map<String, ?> arguments) {
        return veto.protect(tool, arguments, Map.of());
    }

    private static Veto veto(String yaml) {
        try {
            return Veto.fromString(yaml);
        } catch (PolicyException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
