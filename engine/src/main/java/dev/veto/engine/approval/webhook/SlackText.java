package dev.veto.engine.approval.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A notice in Slack's incoming-webhook shape, {@code {"text": "..."}}. Tool names and reasons are
 * escaped as Slack asks ({@code & < >}), so text from a tool call cannot become a mention such as
 * {@code <!channel>} or a disguised link.
 */
final class SlackText {

    private SlackText() {
    }

    static ObjectNode message(String headline, ObjectNode notice) {
        StringBuilder text = new StringBuilder("*").append(headline).append("*: `")
                .append(escape(field(notice, "tool"))).append('`');
        String rule = field(notice, "rule");
        if (!rule.isEmpty()) {
            text.append(" (rule ").append(escape(rule)).append(')');
        }
        String reason = field(notice, "reason");
        if (!reason.isEmpty()) {
            text.append(": ").append(escape(reason));
        }
        text.append("\nDecision ").append(escape(field(notice, "decision_id")));
        String expires = field(notice, "expires_at");
        if (!expires.isEmpty()) {
            text.append(", expires ").append(escape(expires));
        }
        String link = field(notice, "link");
        if (!link.isEmpty()) {
            text.append("\n<").append(link).append("|Review it>");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("text", text.toString());
        return body;
    }

    private static String field(ObjectNode notice, String name) {
        JsonNode node = notice.get(name);
        return node == null || node.isNull() ? "" : node.asText();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
