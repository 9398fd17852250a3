package dev.veto.engine.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.engine.Approval;
import dev.veto.engine.log.JsonValues;
import java.util.Locale;

/**
 * How held calls and their outcomes look as JSON, the same for the HTTP API, the reviewer page, the console
 * and the webhook. Argument values are the tool's own objects; they are converted as the decision log
 * converts them ({@link JsonValues}: exact numbers, records and beans by their properties, cycles, depth and
 * size bounded, never throwing). Reading a bean's getters here is safe in a way the log's is not even: the
 * calling thread is parked while its call is held.
 */
public final class ApprovalJson {

    /** One mapper for the channels: thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApprovalJson() {
    }

    /** A held call as reviewers see it. */
    public static ObjectNode pending(ApprovalRequest request) {
        ObjectNode node = NODES.objectNode();
        node.put("id", request.decisionId());
        node.put("status", "pending");
        node.put("tool", request.tool());
        node.set("arguments", value(request.arguments()));
        node.set("context", value(request.context()));
        node.put("rule", request.ruleId());
        node.put("reason", request.reason());
        node.put("channel", request.channel());
        node.put("arguments_hash", request.argumentsHash());
        if (request.requestedAt() != null) {
            node.put("requested_at", request.requestedAt().toString());
            if (request.timeout() != null) {
                node.put("expires_at", request.requestedAt().plus(request.timeout()).toString());
            }
        }
        if (request.timeout() != null) {
            node.put("timeout_ms", request.timeout().toMillis());
        }
        node.put("escalation", request.escalateToAllow() ? "allow" : "deny");
        return node;
    }

    /** How a held call ended. */
    public static ObjectNode ended(String decisionId, Approval approval) {
        ObjectNode node = NODES.objectNode();
        node.put("id", decisionId);
        node.put("status", status(approval.outcome()));
        node.put("granted", approval.granted());
        node.put("reviewer", approval.reviewer());
        node.put("reason", approval.reason());
        node.put("waited_ms", approval.waitedMillis());
        return node;
    }

    /** {@code granted}, {@code denied}, {@code timed_out}, {@code channel_unavailable}... */
    public static String status(Approval.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A tool argument or context value as JSON: the decision log's own conversion ({@link JsonValues}), so a
     * reviewer sees a value as the log records it, and a cyclic or huge argument cannot stall a transport.
     */
    public static JsonNode value(Object value) {
        return JsonValues.of(value);
    }
}
