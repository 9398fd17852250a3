package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed policy ({@code policies/support-agent.yaml}) as a table: each row is one call and the decision
 * and deciding rule the policy must give it. Each row runs on a fresh engine (rate limits and budgets are
 * specified in {@link SeedPolicyStatefulTest}).
 */
class SeedPolicyTableTest {

    static final Path SEED = Path.of("..", "policies", "support-agent.yaml");

    static final Action ALLOW = Action.ALLOW;
    static final Action DENY = Action.DENY;
    static final Action HOLD = Action.APPROVAL_REQUIRED;

    /** One call and what the policy must answer. {@code reasonHas} is a piece the reason must contain, or null. */
    record Row(String says, String tool, Map<String, Object> arguments, Map<String, Object> context,
            Action expected, String rule, String reasonHas) {
        @Override
        public String toString() {
            return says;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                // --- refunds, L1: <= 200 allowed, above held for a supervisor
                row("L1 refund of exactly 200 is allowed", refund(200), l1(), ALLOW, "refund-limits"),
                row("L1 refund of 200.00 (BigDecimal) is allowed", refund(new BigDecimal("200.00")), l1(), ALLOW, "refund-limits"),
                row("L1 refund of 200L is allowed", refund(200L), l1(), ALLOW, "refund-limits"),
                row("L1 refund of 199.99f (float) is allowed", refund(199.99f), l1(), ALLOW, "refund-limits"),
                row("L1 refund of 1 is allowed", refund(1), l1(), ALLOW, "refund-limits"),
                row("L1 refund of 200.01 (double) is held", refund(200.01d), l1(), HOLD, "refund-limits"),
                row("L1 refund of \"200.01\" (string) is held", refund("200.01"), l1(), HOLD, "refund-limits"),
                row("L1 refund of 200.000000000000000001 (BigDecimal) is held",
                        refund(new BigDecimal("200.000000000000000001")), l1(), HOLD, "refund-limits"),
                row("L1 refund of \"200.000000000000000001\" (string) is held",
                        refund("200.000000000000000001"), l1(), HOLD, "refund-limits"),
                row("L1 refund of BigInteger 201 is held", refund(BigInteger.valueOf(201)), l1(), HOLD, "refund-limits"),
                row("L1 refund of 4999.99 is held", refund(4999.99d), l1(), HOLD, "refund-limits"),
                row("the injected $50,000 refund is held for a supervisor (its budget applies if it is granted)",
                        refund(50_000), l1(), HOLD, "refund-limits", "supervisor's approval"),
                // --- refunds, L2: <= 2000 allowed, above held for finance
                row("L2 refund of 2000 is allowed", refund(2000), l2(), ALLOW, "refund-limits"),
                row("L2 refund of \"2000\" (string) is allowed", refund("2000"), l2(), ALLOW, "refund-limits"),
                row("L2 refund of 200.01 is allowed", refund(200.01d), l2(), ALLOW, "refund-limits"),
                row("L2 refund of 2000.01 is held", refund(2000.01d), l2(), HOLD, "refund-limits"),
                row("L2 refund of 5000 is held (the whole budget)", refund(5000), l2(), HOLD, "refund-limits"),
                row("L2 refund of 1e6 (double) is held for finance (the budget refuses it if granted)", refund(1e6), l2(), HOLD, "refund-limits", "finance"),
                // --- positive amounts only: deny beats the allow of refund-limits
                row("L1 refund of 0 is denied", refund(0), l1(), DENY, "refund-positive"),
                row("L1 refund of -5 is denied", refund(-5), l1(), DENY, "refund-positive"),
                row("L2 refund of -0.01 is denied", refund(-0.01d), l2(), DENY, "refund-positive"),
                // --- roles
                row("an unknown role gets no opinion: default deny", refund(100), ctx("role", "admin", "userId", "u1"), DENY, null),
                row("roles are case-sensitive: SUPPORT_L1 is not support_l1", refund(100), ctx("role", "SUPPORT_L1", "userId", "u1"), DENY, null),
                row("a missing role cannot be evaluated: deny", refund(100), ctx("userId", "u1"), DENY, "refund-limits", "context.role is missing"),
                row("a null role cannot be evaluated: deny", refund(100), ctx("role", null, "userId", "u1"), DENY, "refund-limits", "context.role"),
                row("a role given as a number cannot be evaluated: deny", refund(100), ctx("role", 1, "userId", "u1"), DENY, "refund-limits", "context.role"),
                row("a null context: deny", refund(100), null, DENY, "refund-limits", "context.role is missing"),
                row("a refund of -5 without a role: refund-positive's own deny decides before refund-limits' error",
                        refund(-5), ctx("userId", "u1"), DENY, "refund-positive", "positive amount"),
                // --- missing and mistyped amounts
                row("L1 refund without an amount: deny", args(), l1(), DENY, "refund-limits", "arguments.amount is missing (operator <=)"),
                row("L1 refund with null arguments: deny", null, l1(), DENY, "refund-limits", "arguments.amount is missing"),
                row("L1 refund of null: deny", refund(null), l1(), DENY, "refund-limits", "arguments.amount (operator <=)"),
                row("L1 refund of \"abc\": deny", refund("abc"), l1(), DENY, "refund-limits", "arguments.amount (operator <=)"),
                row("L1 refund of \"200 \" (blank): deny", refund("200 "), l1(), DENY, "refund-limits", "expected a number"),
                row("L1 refund of NaN: deny", refund(Double.NaN), l1(), DENY, "refund-limits", "NaN"),
                row("L1 refund of +Infinity: deny", refund(Double.POSITIVE_INFINITY), l1(), DENY, "refund-limits", "infinite"),
                row("L1 refund of -Infinity: deny", refund(Double.NEGATIVE_INFINITY), l1(), DENY, "refund-limits", "infinite"),
                row("L1 refund of true: deny", refund(true), l1(), DENY, "refund-limits", "Boolean"),
                row("L1 refund of a list: deny", refund(List.of(1)), l1(), DENY, "refund-limits", "expected a number"),
                row("L2 refund of \"2000.01\" with a user id of 7 (a number key) is held", refund("2000.01"), ctx("role", "support_l2", "userId", 7), HOLD, "refund-limits"),
                row("L1 refund without a user id: the budget cannot be keyed, deny", refund(100), ctx("role", "support_l1"), DENY, "refund-limits", "context.userId, which is missing"),
                // --- orders
                row("looking up an order is allowed", args("order_id", "1001"), null, ALLOW, "lookup-orders", null, "lookup_order"),
                row("tool names are case-sensitive: Lookup_Order is unknown", args("order_id", "1001"), null, DENY, null, "no rule covers tool 'Lookup_Order'", "Lookup_Order"),
                row("an unknown tool gets default_action deny", args(), l1(), DENY, null, "default_action: deny", "transfer_funds"),
                // --- e-mail
                row("e-mail to a customer is allowed", args("to", "bob@customer.example", "body", "Your refund is on its way."), null, ALLOW, "email-customers", null, "send_email"),
                row("e-mail to staff is denied", args("to", "alice@acme.example", "body", "hi"), null, DENY, "email-customers", "staff", "send_email"),
                row("e-mail with a 5000-character body is allowed", args("to", "bob@customer.example", "body", "x".repeat(5000)), null, ALLOW, "email-customers", null, "send_email"),
                row("e-mail with a 5001-character body gets no opinion: default deny", args("to", "bob@customer.example", "body", "x".repeat(5001)), null, DENY, null, null, "send_email"),
                row("e-mail without a recipient cannot be evaluated: deny", args("body", "hi"), null, DENY, "email-customers", "arguments.to is missing (operator ends_with)", "send_email"),
                // --- SQL
                row("a SELECT is allowed", args("query", "SELECT * FROM orders WHERE id = 7"), null, ALLOW, "read-only-sql", null, "execute_sql"),
                row("a lower-case select with a semicolon is allowed", args("query", "select id from orders;"), null, ALLOW, "read-only-sql", null, "execute_sql"),
                row("DROP TABLE is denied", args("query", "DROP TABLE orders"), null, DENY, "no-schema-changes", null, "execute_sql"),
                row("SELECT then DROP is denied", args("query", "SELECT 1; DROP TABLE orders"), null, DENY, "no-schema-changes", null, "execute_sql"),
                row("deny beats allow across rules: a SELECT mentioning grant", args("query", "select * from t where x = 'grant'"), null, DENY, "no-schema-changes", null, "execute_sql"),
                row("DROP hidden after a comment is denied", args("query", "SELECT 1 /* report */; drop table orders"), null, DENY, "no-schema-changes", null, "execute_sql"),
                row("GRANT is denied", args("query", "GRANT ALL ON orders TO agent"), null, DENY, "no-schema-changes", null, "execute_sql"),
                row("a SELECT with INTO on a new line is not read-only: default deny", args("query", "SELECT *\nINTO loot\nFROM cards"), null, DENY, null, null, "execute_sql"),
                row("a SELECT that writes a file is not read-only: default deny", args("query", "SELECT * FROM cards INTO OUTFILE '/tmp/c'"), null, DENY, null, null, "execute_sql"),
                row("a SELECT ... INTO a new table is not read-only: default deny", args("query", "SELECT * INTO loot FROM cards"), null, DENY, null, null, "execute_sql"),
                row("a SELECT reading a server file is not allowed: default deny", args("query", "SELECT pg_read_file('/etc/passwd')"), null, DENY, null, null, "execute_sql"),
                row("a SELECT reading a server file as bytes is not allowed: default deny", args("query", "SELECT convert_from(pg_read_binary_file('/etc/passwd'), 'UTF8')"), null, DENY, null, null, "execute_sql"),
                row("a SELECT asking about a server file is not allowed: default deny", args("query", "SELECT pg_stat_file('/etc/passwd')"), null, DENY, null, null, "execute_sql"),
                row("a SELECT listing a server directory is not allowed: default deny", args("query", "SELECT pg_ls_logdir()"), null, DENY, null, null, "execute_sql"),
                row("DELETE gets no opinion: default deny", args("query", "DELETE FROM orders"), null, DENY, null, null, "execute_sql"),
                row("a statement that is not a SELECT gets no opinion: default deny", args("query", "SELEC * FORM orders"), null, DENY, null, null, "execute_sql"),
                row("a query that is a number cannot be evaluated: deny", args("query", 42), null, DENY, "read-only-sql", "arguments.query (operator regex)", "execute_sql"),
                // --- never
                row("deleting a database is denied", args("name", "prod"), l2(), DENY, "never-delete-database", "never an agent's call", "delete_database"),
                row("drop_table matches the glob drop_*", args(), l2(), DENY, "never-drop-tables", null, "drop_table"),
                row("drop_ matches the glob drop_*", args(), l2(), DENY, "never-drop-tables", null, "drop_"),
                row("xdrop_table does not match drop_*", args(), l2(), DENY, null, "no rule covers", "xdrop_table"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theSeedPolicyDecides(Row row) throws Exception {
        try (Veto veto = Veto.fromPolicy(SEED)) {
            Decision decision = veto.protect(row.tool(), row.arguments(), row.context());
            assertEquals(row.expected(), decision.action(), () -> "reason: " + decision.reason());
            assertEquals(row.expected(), decision.enforcedAction());
            assertEquals(row.rule(), decision.ruleId(), () -> "reason: " + decision.reason());
            if (row.reasonHas() != null) {
                assertTrue(decision.reason().contains(row.reasonHas()),
                        () -> "reason \"" + decision.reason() + "\" should contain \"" + row.reasonHas() + "\"");
            }
            if (decision.action() == HOLD) {
                assertEquals(row.context().get("role").equals("support_l1") ? "5m" : "15m",
                        decision.approvalTimeout().toMinutes() + "m");
            }
        }
    }

    // --- how rows are written

    static Row row(String says, Map<String, Object> arguments, Map<String, Object> context, Action expected, String rule) {
        return new Row(says, "issue_refund", arguments, context, expected, rule, null);
    }

    static Row row(String says, Map<String, Object> arguments, Map<String, Object> context, Action expected, String rule,
            String reasonHas) {
        return new Row(says, "issue_refund", arguments, context, expected, rule, reasonHas);
    }

    static Row row(String says, Map<String, Object> arguments, Map<String, Object> context, Action expected, String rule,
            String reasonHas, String tool) {
        return new Row(says, tool, arguments, context, expected, rule, reasonHas);
    }

    static Map<String, Object> refund(Object amount) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("order_id", "1001");
        arguments.put("amount", amount);
        return arguments;
    }

    static Map<String, Object> l1() {
        return ctx("role", "support_l1", "userId", "u-1");
    }

    static Map<String, Object> l2() {
        return ctx("role", "support_l2", "userId", "u-2");
    }

    /** A map from alternating keys and values; values may be null. */
    static Map<String, Object> ctx(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> args(Object... keysAndValues) {
        return ctx(keysAndValues);
    }
}
