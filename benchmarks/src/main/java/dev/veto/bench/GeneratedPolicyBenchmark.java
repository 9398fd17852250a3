package dev.veto.bench;

import dev.veto.bench.engine.BenchEngine;
import dev.veto.bench.engine.ToolCall;
import dev.veto.bench.generated.GeneratedPolicy;
import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code protect} on a generated policy of 1,000 rules over 200 tools with mixed matchers
 * ({@link GeneratedPolicy}, seeded: the same policy every run), cycling through 1,024 generated calls
 * to random tools, with the decision log off and on, from 1 and 2 threads. Sample mode gives the median
 * (p0.50) the target is stated for; average mode the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GeneratedPolicyBenchmark {

    static final int CALLS = 1024;

    @Param({BenchEngine.LOG_OFF, BenchEngine.LOG_JSONL})
    public String log;

    private BenchEngine engine;
    private ToolCall[] calls;

    /** Each thread walks the calls from its own position. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        ToolCall advance(ToolCall[] calls) {
            ToolCall call = calls[next];
            next = (next + 1) & (CALLS - 1);
            return call;
        }
    }

    @Setup
    public void setUp() {
        GeneratedPolicy policy = GeneratedPolicy.generate();
        engine = openEngine(policy, log);
        List<ToolCall> generated = policy.calls(CALLS);
        calls = generated.toArray(new ToolCall[0]);
        requireEveryOutcome();
    }

    /** The generated policy in our engine, with the decision log as given. */
    static BenchEngine openEngine(GeneratedPolicy policy, String log) {
        return BenchEngine.open(policy.yaml(), "generated-" + GeneratedPolicy.RULES + "-rules.yaml", log);
    }

    /** Each call's outcome, each decided once (at setup, outside any measurement). */
    static Action[] outcomesOf(BenchEngine engine, ToolCall[] calls) {
        Action[] outcomes = new Action[calls.length];
        for (int i = 0; i < calls.length; i++) {
            outcomes[i] = engine.decide(calls[i]).action();
        }
        return outcomes;
    }

    /**
     * Refuses a policy whose calls all end the same way (for instance all denied because a matcher form
     * did not load as intended): the benchmark must exercise allow, deny and approval.
     */
    private void requireEveryOutcome() {
        Map<Action, Integer> outcomes = new EnumMap<>(Action.class);
        for (Action outcome : outcomesOf(engine, calls)) {
            outcomes.merge(outcome, 1, Integer::sum);
        }
        if (outcomes.size() != Action.values().length) {
            throw new IllegalStateException("the generated calls do not reach every outcome: " + outcomes);
        }
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    @Threads(1)
    public Decision protect(Cursor cursor) {
        return engine.decide(cursor.advance(calls));
    }

    @Benchmark
    @Threads(2)
    public Decision protect2Threads(Cursor cursor) {
        return engine.decide(cursor.advance(calls));
    }
}
