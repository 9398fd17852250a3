package dev.veto.engine.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The JSON of one decision log line, before its chain fields. Field names are the log's public format:
 * {@code time kind decision_id tool action rule reason context arguments mode policy policy_hash eval_ns}
 * and, on approval lines, {@code reviewer outcome waited_ms}. Null fields are left out; {@code eval_ns} is
 * written on decision lines only (an approval line decides nothing).
 */
final class DecisionLine {

    /** The kind of the line that starts a new chain segment after a damaged tail. */
    static final String CHAIN_RESTART = "chain_restart";

    private final JsonValues values = new JsonValues();

    /** Not thread-safe: one per writing thread. */
    ObjectNode toJson(DecisionRecord record) {
        ObjectNode line = CanonicalJson.MAPPER.createObjectNode();
        putText(line, "time", record.time() == null ? null : record.time().toString());
        putText(line, "kind", record.kind());
        putText(line, "decision_id", record.decisionId());
        putText(line, "tool", record.tool());
        putText(line, "action", record.action());
        putText(line, "rule", record.ruleId());
        putText(line, "reason", record.reason());
        putValue(line, "context", record.context());
        putValue(line, "arguments", record.arguments());
        putText(line, "mode", record.mode());
        putText(line, "policy", record.policyName());
        putText(line, "policy_hash", record.policyHash());
        if (!"approval".equals(record.kind())) {
            line.put("eval_ns", record.evaluationNanos());
        }
        putText(line, "reviewer", record.reviewer());
        putText(line, "outcome", record.outcome());
        if (record.waitedMillis() != null) {
            line.put("waited_ms", record.waitedMillis());
        }
        return line;
    }

    /** The first line of a new chain segment, saying why the previous chain could not be continued. */
    static ObjectNode chainRestart(Instant time, String reason) {
        ObjectNode line = CanonicalJson.MAPPER.createObjectNode();
        line.put("time", time.toString());
        line.put("kind", CHAIN_RESTART);
        line.put("reason", reason);
        return line;
    }

    private static void putText(ObjectNode line, String field, String value) {
        if (value != null) {
            line.put(field, value);
        }
    }

    private void putValue(ObjectNode line, String field, Object value) {
        if (value != null) {
            JsonNode json = values.toJson(value);
            line.set(field, json);
        }
    }
}
