package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar veto-agent.jar eval ...}, on the built jar, with the seed policy. */
class EvalCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode eval(String tool, String args, String context) throws Exception {
        VetoJar.Result result = VetoJar.run("eval", "--policy", VetoJar.SEED.toString(), "--tool", tool,
                "--args", args, "--context", context);
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(1, result.outLines().size(), result::toString);
        return JSON.readTree(result.out());
    }

    @Test
    void anL1RefundWithinTheLimitIsAllowedByItsRuleAndCondition() throws Exception {
        JsonNode line = eval("issue_refund", "{\"amount\": 150}", "{\"role\": \"support_l1\", \"userId\": \"ann\"}");
        assertEquals("allow", line.get("action").asText());
        assertEquals("refund-limits", line.get("rule").asText());
        assertEquals("rules[0].conditions[0]", line.get("condition").asText());
        assertTrue(line.get("explanation").asText().contains("refund-limits"), line::toString);
    }

    @Test
    void theInjected50000RefundIsHeldForASupervisorWithTheBudgetLeftForTheGrant() throws Exception {
        JsonNode line = eval("issue_refund", "{\"amount\": 50000}", "{\"role\": \"support_l1\", \"userId\": \"ann\"}");
        assertEquals("require_approval", line.get("action").asText());
        assertEquals("refund-limits", line.get("rule").asText());
        assertEquals("Refunds above 200 need a supervisor's approval for L1 support", line.get("reason").asText());
    }

    @Test
    void aRefundWithinTheBudgetButOverL1sLimitRequiresApprovalWithTheConditionsReason() throws Exception {
        JsonNode line = eval("issue_refund", "{\"amount\": 4000}", "{\"role\": \"support_l1\", \"userId\": \"ann\"}");
        assertEquals("require_approval", line.get("action").asText());
        assertEquals("Refunds above 200 need a supervisor's approval for L1 support", line.get("reason").asText());
        assertEquals("rules[0].conditions[1]", line.get("condition").asText());
    }

    @Test
    void anAmountJustOver200KeepsItsExactWrittenValue() throws Exception {
        JsonNode line = eval("issue_refund", "{\"amount\": 200.000000000000000001}", "{\"role\": \"support_l1\", \"userId\": \"ann\"}");
        assertEquals("require_approval", line.get("action").asText(), "a double would have read 200 and allowed it");
    }

    @Test
    void dropDatabaseIsDenied() throws Exception {
        JsonNode line = eval("execute_sql", "{\"query\": \"DROP DATABASE support\"}", "{}");
        assertEquals("deny", line.get("action").asText());
        assertEquals("no-schema-changes", line.get("rule").asText());
        assertEquals("Schema changes and grants are never run by an agent", line.get("reason").asText());
    }

    @Test
    void aCallsFileSharesOneEngineSoThe21stRefundIsRateLimited() throws Exception {
        List<String> calls = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            calls.add("{\"tool\":\"issue_refund\",\"arguments\":{\"order_id\":\"A-" + i + "\",\"amount\":10},"
                    + "\"context\":{\"role\":\"support_l1\",\"userId\":\"ann\"}}");
        }
        calls.add("");
        calls.add("{\"tool\":\"lookup_order\",\"arguments\":{\"order_id\":\"A-1\"}}");
        Path file = dir.resolve("calls.jsonl");
        Files.write(file, calls);
        VetoJar.Result result = VetoJar.run("eval", "--policy", VetoJar.SEED.toString(), "--calls", file.toString());
        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.outLines();
        assertEquals(22, lines.size(), "one line per call, the blank line skipped");
        for (int i = 0; i < 20; i++) {
            assertEquals("allow", JSON.readTree(lines.get(i)).get("action").asText(), "refund " + (i + 1));
        }
        JsonNode twentyFirst = JSON.readTree(lines.get(20));
        assertEquals("deny", twentyFirst.get("action").asText());
        assertTrue(twentyFirst.get("reason").asText().toLowerCase().contains("rate limit"), twentyFirst::toString);
        assertEquals("lookup_order", JSON.readTree(lines.get(21)).get("tool").asText(), "same order as the input");
    }

    @Test
    void aBadLineInACallsFileIsExit2NamingTheLineAndNothingIsDecided() throws Exception {
        Path file = dir.resolve("calls.jsonl");
        Files.write(file, List.of("{\"tool\":\"lookup_order\"}", "{\"tool\":\"lookup_order\",\"argumnets\":{}}"));
        VetoJar.Result result = VetoJar.run("eval", "--policy", VetoJar.SEED.toString(), "--calls", file.toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(file + ":2: unknown key \"argumnets\"; a call has tool, arguments and context", result.err().strip());
        assertEquals("", result.out());
    }

    @Test
    void badJsonInArgsIsExit2WithWhatToDo() throws Exception {
        VetoJar.Result result = VetoJar.run("eval", "--policy", VetoJar.SEED.toString(), "--tool", "issue_refund",
                "--args", "{amount: 5}");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("put the JSON in single quotes"), result::toString);
    }

    @Test
    void missingToolIsExit2() throws Exception {
        VetoJar.Result result = VetoJar.run("eval", "--policy", VetoJar.SEED.toString(), "--args", "{}");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("--tool is required"), result::toString);
    }
}
