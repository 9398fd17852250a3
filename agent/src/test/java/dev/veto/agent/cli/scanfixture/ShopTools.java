package dev.veto.agent.cli.scanfixture;

/** Tools in each annotation flavour the agent recognises, for {@code scan}; never run. */
public class ShopTools {

    @dev.veto.Tool(name = "lookup_order")
    public String lookup(String orderId) {
        return orderId;
    }

    @dev.langchain4j.agent.tool.Tool(name = "issue_refund", value = "Refunds an order")
    public String refund(String orderId, double amount) {
        return orderId + amount;
    }

    @org.springframework.ai.tool.annotation.Tool(name = "send_email", description = "E-mails a customer")
    public String send(String to, String body) {
        return to + body;
    }

    /** A tool the scan policy has no rule for: only default_action governs it. */
    @dev.veto.Tool
    public String wire_money(String iban, long cents) {
        return iban + cents;
    }

    public String notATool(String text) {
        return text;
    }
}
