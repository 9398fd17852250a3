package dev.veto.bench.agent;

import dev.veto.Tool;

/**
 * The fixture the agent benchmarks call: tools of the seed policy's support agent, and one plain method
 * with the same body as {@link #lookupOrder} that is not a tool (the agent must leave it untouched). The
 * bodies are deliberately trivial so that what the agent adds is what shows.
 */
public class SupportTools {

    /** Allowed unconditionally by the seed policy's lookup-orders rule. */
    @Tool(name = "lookup_order")
    public int lookupOrder(String orderId) {
        return orderId.length();
    }

    /** Allowed by the seed policy's email-customers rule: not a staff address, a body under 5,000 chars. */
    @Tool(name = "send_email")
    public int sendEmail(String to, String body) {
        return to.length() + body.length();
    }

    /** Denied by the seed policy's never-delete-database rule: how a benchmark proves the agent is on. */
    @Tool(name = "delete_database")
    public int deleteDatabase(String name) {
        return name.length();
    }

    /** Not a tool: the agent must not weave it, so it costs the same with the agent as without. */
    public int plainLookup(String orderId) {
        return orderId.length();
    }
}
