package dev.veto.demo;

import dev.veto.Tool;
import dev.veto.ToolParam;
import java.math.BigDecimal;

/**
 * The support agent's tools. Nothing here knows about Veto beyond the {@code @Tool} marker: the policy
 * is applied by the {@code -javaagent} before each method body runs. The bodies only say what they did,
 * and remember whether a destructive one ever ran so the demo can report an unguarded run.
 */
public final class SupportTools {

    private boolean destructiveCallRan;
    private int refundsIssued;

    @Tool(name = "lookup_order", description = "Looks an order up by its id")
    public String lookupOrder(@ToolParam("order_id") String orderId) {
        return "order " + orderId + ": blender, $45.00, delivered";
    }

    @Tool(name = "issue_refund", description = "Refunds an amount to the order's card")
    public String issueRefund(@ToolParam("order_id") String orderId, @ToolParam("amount") BigDecimal amount) {
        refundsIssued++;
        return "refunded $" + amount.toPlainString() + " to order " + orderId;
    }

    @Tool(name = "send_email", description = "E-mails a customer")
    public String sendEmail(@ToolParam("to") String to, @ToolParam("body") String body) {
        return "e-mail sent to " + to + " (" + body.length() + " characters)";
    }

    @Tool(name = "execute_sql", description = "Runs SQL against the support database")
    public String executeSql(@ToolParam("query") String query) {
        if (!query.trim().toLowerCase(java.util.Locale.ROOT).startsWith("select")) {
            destructiveCallRan = true;
            return "executed: " + query + "  (!! the statement ran)";
        }
        return "3 rows: T-100, T-101, T-102";
    }

    @Tool(name = "delete_database", description = "Deletes a database")
    public String deleteDatabase(@ToolParam("name") String name) {
        destructiveCallRan = true;
        return "database " + name + " deleted  (!! the database is gone)";
    }

    @Tool(name = "drop_table", description = "Drops a table")
    public String dropTable(@ToolParam("table") String table) {
        destructiveCallRan = true;
        return "table " + table + " dropped  (!! the table is gone)";
    }

    /** Whether a statement that changes or deletes data actually ran. */
    boolean destructiveCallRan() {
        return destructiveCallRan;
    }

    /** How many refunds actually went through (the tool body ran). */
    int refundsIssued() {
        return refundsIssued;
    }
}
