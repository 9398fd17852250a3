package dev.veto.engine.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.engine.Approval;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * How held calls and their outcomes look as JSON, the same for the HTTP API, the reviewer page and the
 * webhook. Argument values are the tool's own objects, so they are converted by hand (maps, lists,
 * arrays, records, numbers, strings; anything else by {@code toString()}), never by calling arbitrary
 * getters, and to a bounded depth so a cyclic value cannot hang a channel.
 */
public final class ApprovalJson {

    /** One mapper for the channels: thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 12;

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

    /** A tool argument or context value as JSON. */
    public static JsonNode value(Object value) {
        return value(value, 0);
    }

    private static JsonNode value(Object value, int depth) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (depth > MAX_DEPTH) {
            return NODES.textNode("(nested too deeply to show)");
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof JsonNode json) {
            return json;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                node.set(String.valueOf(e.getKey()), value(e.getValue(), depth + 1));
            }
            return node;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode node = NODES.arrayNode();
            for (Object item : items) {
                node.add(value(item, depth + 1));
            }
            return node;
        }
        if (value.getClass().isArray()) {
            ArrayNode node = NODES.arrayNode();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                node.add(value(Array.get(value, i), depth + 1));
            }
            return node;
        }
        if (value instanceof Record record) {
            return record(record, depth);
        }
        return NODES.textNode(String.valueOf(value));
    }

    private static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return NODES.numberNode(n.longValue());
        }
        if (n instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (n instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? NODES.numberNode(new BigDecimal(n.toString())) : NODES.textNode(n.toString());
        }
        return NODES.textNode(n.toString());
    }

    private static JsonNode record(Record record, int depth) {
        ObjectNode node = NODES.objectNode();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object v;
            try {
                component.getAccessor().setAccessible(true);
                v = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                v = "(unreadable: " + e.getClass().getSimpleName() + ")";
            }
            node.set(component.getName(), value(v, depth + 1));
        }
        return node;
    }
}
