package dev.veto.demo;

import java.math.BigDecimal;

/**
 * Turns the model's tool call into a Java method call, as an agent framework does. It calls the tool
 * methods directly: the Veto agent has woven its check into them, so nothing here has to remember to ask.
 */
final class ToolBox {

    private final SupportTools tools;

    ToolBox(SupportTools tools) {
        this.tools = tools;
    }

    /** Runs the call and returns the tool's result; a refusal arrives as {@code ToolDeniedException}. */
    String invoke(ToolCall call) {
        var args = call.arguments();
        return switch (call.tool()) {
            case "lookup_order" -> tools.lookupOrder(text(args.get("order_id")));
            case "issue_refund" -> tools.issueRefund(text(args.get("order_id")), new BigDecimal(text(args.get("amount"))));
            case "send_email" -> tools.sendEmail(text(args.get("to")), text(args.get("body")));
            case "execute_sql" -> tools.executeSql(text(args.get("query")));
            case "delete_database" -> tools.deleteDatabase(text(args.get("name")));
            case "drop_table" -> tools.dropTable(text(args.get("table")));
            default -> throw new IllegalArgumentException("the model asked for an unknown tool: " + call.tool());
        };
    }

    private static String text(Object value) {
        return String.valueOf(value);
    }
}
