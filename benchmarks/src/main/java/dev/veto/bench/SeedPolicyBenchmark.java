package dev.veto.bench;

import dev.veto.bench.engine.BenchEngine;
import dev.veto.bench.engine.SeedCalls;
import dev.veto.bench.engine.ToolCall;
import dev.veto.bench.engine.BenchResources;
import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code protect} on the seed policy ({@code policies/support-agent.yaml}, verbatim) for an allowed, a
 * denied and an approval-required call, with the decision log off and on, from 1 and 2 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SeedPolicyBenchmark {

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

    @Benchmark
    @Threads(1)
    public Decision protect() {
        return engine.decide(call);
    }

    @Benchmark
    @Threads(2)
    public Decision protect2Threads() {
        return engine.decide(call);
    }
}
