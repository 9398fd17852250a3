package dev.veto.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Decision;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every call the by-outcome benchmark times ends in its outcome, and it walks the cycle, not one call. */
class GeneratedPolicyOutcomesBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"allow", "deny", "require_approval"})
    void timesOnlyCallsOfItsOutcomeThroughoutTheCycle(String outcome) {
        GeneratedPolicyOutcomesBenchmark benchmark = new GeneratedPolicyOutcomesBenchmark();
        benchmark.outcome = outcome;
        benchmark.setUp();
        try {
            Set<String> tools = new HashSet<>();
            // more invocations than the cycle has calls: the walk wraps around and stays on the outcome
            for (int i = 0; i < 2 * GeneratedPolicyBenchmark.CALLS; i++) {
                benchmark.decideUpToTheNextTimedCall();
                Decision decision = benchmark.protect();
                assertEquals(outcome, decision.action().policyName(), decision.tool() + ": " + decision.reason());
                tools.add(decision.tool());
            }
            assertTrue(tools.size() > 50, "the timed calls go to many tools, not one: " + tools.size());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void refusesAnOutcomeNoCallReaches() {
        GeneratedPolicyOutcomesBenchmark benchmark = new GeneratedPolicyOutcomesBenchmark();
        benchmark.outcome = "allowed";
        IllegalStateException refused = assertThrows(IllegalStateException.class, benchmark::setUp);
        assertTrue(refused.getMessage().contains("none of the generated calls ends in 'allowed'"), refused.getMessage());
    }
}
