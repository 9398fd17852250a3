package dev.veto.bench;

import dev.veto.bench.engine.BenchEngine;
import dev.veto.bench.engine.BenchResources;
import dev.veto.bench.engine.SeedCalls;
import dev.veto.bench.engine.ToolCall;
import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The seed policy ({@code policies/support-agent.yaml}, verbatim) and one call of the chosen outcome, with
 * the decision log off or on: the state the seed-policy benchmarks decide with.
 */
@State(Scope.Benchmark)
public class SeedCall {

    @Param({"allow", "deny", "require_approval"})
    public String decision;

    @Param({BenchEngine.LOG_OFF, BenchEngine.LOG_JSONL})
    public String log;

    private BenchEngine engine;
    private ToolCall call;
    private Action expected;

    @Setup
    public void setUp() {
        engine = BenchEngine.open(BenchResources.text(SeedCalls.POLICY_RESOURCE), SeedCalls.POLICY_RESOURCE, log);
        expected = Decisions.byPolicyName(decision);
        call = SeedCalls.expecting(expected);
        engine.require(call, expected);
    }

    /** The decision must not drift during the run (a limit running out would change what is measured). */
    @TearDown(Level.Iteration)
    public void stillTheSameDecision() {
        engine.require(call, expected);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    Decision decide() {
        return engine.decide(call);
    }
}
