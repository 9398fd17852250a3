package dev.veto.bench.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.bench.engine.ToolCall;
import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import dev.veto.engine.Veto;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's hot path ({@code protect}: each tool's conditions compiled into flat checks) decides every
 * call of the benchmark's generated policy exactly as the explaining path ({@code explain}: the expression
 * trees, every check traced) does: the same action, rule, condition and reason. What the benchmark measures
 * is the engine's real decision.
 */
class HotPathAgreesWithExplainTest {

    @Test
    void everyGeneratedCallIsDecidedAsExplainDecidesIt() throws Exception {
        GeneratedPolicy generated = GeneratedPolicy.generate();
        Map<Action, Integer> outcomes = new EnumMap<>(Action.class);
        try (Veto hot = Veto.builder().policyText(generated.yaml(), "generated.yaml").build();
                Veto traced = Veto.builder().policyText(generated.yaml(), "generated.yaml").build()) {
            for (ToolCall call : generated.calls(4096)) {
                Decision decision = hot.protect(call.tool(), call.arguments(), call.context());
                Decision explained = traced.explain(call.tool(), call.arguments(), call.context()).decision();
                String what = call.toString();
                assertEquals(explained.action(), decision.action(), what);
                assertEquals(explained.ruleId(), decision.ruleId(), what);
                assertEquals(explained.condition(), decision.condition(), what);
                assertEquals(explained.reason(), decision.reason(), what);
                outcomes.merge(decision.action(), 1, Integer::sum);
                if (decision.action() == Action.APPROVAL_REQUIRED) {
                    hot.approvals().resolve(decision.id(), false, "test", "not waiting");
                }
            }
        }
        assertEquals(Action.values().length, outcomes.size(), "every outcome is compared: " + outcomes);
        assertTrue(outcomes.values().stream().allMatch(n -> n > 500), outcomes::toString);
    }
}
