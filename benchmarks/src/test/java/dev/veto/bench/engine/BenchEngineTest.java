package dev.veto.bench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.bench.generated.GeneratedPolicy;
import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the engine benchmarks rely on before they measure anything. */
class BenchEngineTest {

    private static final String SEED = BenchResources.text(SeedCalls.POLICY_RESOURCE);

    @ParameterizedTest(name = "the seed-policy benchmark's {0} call")
    @EnumSource(Action.class)
    void theSeedPolicyGivesEachBenchmarkCallItsDecisionOverAndOver(Action decision) {
        try (BenchEngine engine = BenchEngine.open(SEED, SeedCalls.POLICY_RESOURCE, BenchEngine.LOG_OFF)) {
            // More calls than the refund rule's 20-an-hour limit: a held refund that is refused gives its count back.
            for (int i = 0; i < 50; i++) {
                assertEquals(decision, engine.decide(SeedCalls.expecting(decision)).action(), "call " + (i + 1));
            }
        }
    }

    @Test
    void aCallTheEngineDecidesOtherwiseIsRefused() {
        try (BenchEngine engine = BenchEngine.open(SEED, SeedCalls.POLICY_RESOURCE, BenchEngine.LOG_OFF)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> engine.require(SeedCalls.expecting(Action.DENY), Action.ALLOW));
            assertTrue(refused.getMessage().contains("not measuring"), refused.getMessage());
        }
    }

    @Test
    void withTheLogOnEveryDecisionIsALineAndTheFileIsGoneOnClose() throws Exception {
        BenchEngine engine = BenchEngine.open(SEED, SeedCalls.POLICY_RESOURCE, BenchEngine.LOG_JSONL);
        Path file = engine.logFile().orElseThrow();
        for (int i = 0; i < 10; i++) {
            engine.decide(SeedCalls.expecting(Action.ALLOW));
        }
        engine.flushLog();
        long decisionLines = Files.readAllLines(file).stream().filter(l -> l.contains("\"decision\"")).count();
        assertEquals(10, decisionLines);
        engine.close();
        assertFalse(Files.exists(file));
    }

    @Test
    void theGeneratedPolicyLoadsAndItsCallsReachEveryOutcome() {
        GeneratedPolicy policy = GeneratedPolicy.generate();
        Map<Action, Integer> outcomes = new EnumMap<>(Action.class);
        Map<String, Integer> deniedBecause = new TreeMap<>();
        try (BenchEngine engine = BenchEngine.open(policy.yaml(), "generated", BenchEngine.LOG_OFF)) {
            for (ToolCall call : policy.calls(1024)) {
                Decision decision = engine.decide(call);
                outcomes.merge(decision.action(), 1, Integer::sum);
                if (decision.action() == Action.DENY) {
                    deniedBecause.merge(generic(decision.reason()), 1, Integer::sum);
                }
            }
        }
        for (Action action : Action.values()) {
            assertTrue(outcomes.getOrDefault(action, 0) > 100, "at least a tenth of the calls: " + action + " in " + outcomes);
        }
        // Denials come from the rules, not from values the matchers could not evaluate.
        assertTrue(deniedBecause.keySet().stream().allMatch(r -> r.startsWith("rule N") || r.startsWith("unconditional")
                || r.startsWith("no rule")), deniedBecause.toString());
    }

    private static String generic(String reason) {
        Matcher digits = Pattern.compile("\\d+").matcher(reason);
        return digits.replaceAll("N");
    }
}
