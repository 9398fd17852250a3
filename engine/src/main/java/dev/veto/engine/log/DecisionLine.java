package dev.veto.engine.log;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** Fills {@code line} with the record's fields. Not thread-safe: one per writing thread. */
    LineFields fill(DecisionRecord record, LineFields line) {
        line.text("time", record.time() == null ? null : record.time().toString())
                .text("kind", record.kind())
                .text("decision_id", record.decisionId())
                .text("tool", record.tool())
                .text("action", record.action())
                .text("rule", record.ruleId())
                .text("reason", record.reason())
                .tree("context", json(record.context()))
                .tree("arguments", json(record.arguments()))
                .text("mode", record.mode())
                .text("policy", record.policyName())
                .text("policy_hash", record.policyHash() == null ? null : record.policyHash().hex());
        if (!"approval".equals(record.kind())) {
            line.number("eval_ns", record.evaluationNanos());
        }
        line.text("reviewer", record.reviewer()).text("outcome", record.outcome());
        if (record.waitedMillis() != null) {
            line.number("waited_ms", record.waitedMillis());
        }
        return line;
    }

    /** The first line of a new chain segment, saying why the previous chain could not be continued. */
    static LineFields chainRestart(Instant time, String reason, LineFields line) {
        return line.text("time", time.toString()).text("kind", CHAIN_RESTART).text("reason", reason);
    }

    private JsonNode json(Object value) {
        return value == null ? null : values.toJson(value);
    }
}
