package dev.veto.bench.startup;

import dev.veto.Tool;
import dev.veto.ToolDeniedException;

/**
 * The smallest application with tools, for the start-up benchmark: it says when {@code main} is reached,
 * makes its first governed call (allowed by the seed policy), then calls a tool the seed policy denies,
 * so the harness can tell a JVM with the agent from one without.
 */
public final class HelloTools {

    static final String MAIN_REACHED = "main reached";
    static final String FIRST_CALL_DONE = "first governed call returned";
    static final String DENIED = "delete_database denied";
    static final String RAN = "delete_database ran";

    @Tool(name = "lookup_order")
    public int lookupOrder(String orderId) {
        return orderId.length();
    }

    @Tool(name = "delete_database")
    public int deleteDatabase(String name) {
        return name.length();
    }

    public static void main(String[] args) {
        System.out.println(MAIN_REACHED);
        HelloTools tools = new HelloTools();
        int found = tools.lookupOrder("ord-1001");
        System.out.println(FIRST_CALL_DONE + " " + found);
        try {
            tools.deleteDatabase("prod");
            System.out.println(RAN);
        } catch (ToolDeniedException e) {
            System.out.println(DENIED);
        }
    }
}
