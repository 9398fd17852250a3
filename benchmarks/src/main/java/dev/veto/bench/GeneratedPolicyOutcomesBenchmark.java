package dev.veto.bench;

import dev.veto.bench.engine.BenchEngine;
import dev.veto.bench.engine.ToolCall;
import dev.veto.bench.generated.GeneratedPolicy;
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

/**
 * {@link GeneratedPolicyBenchmark}'s median split by outcome: what an allowed, a denied and a held call
 * cost on the 1,000-rule policy (log off, one thread).
 *
 * <p>The engine walks the same cycle of 1,024 calls as the mixed benchmark, but only calls of one outcome
 * are timed: before each timed call, the calls of other outcomes that come before it in the cycle are
 * decided untimed (a per-invocation setup, outside JMH's timing). So each timed call finds the caches as
 * the mixed benchmark leaves them, rather than the warmer ones of a cycle through its own outcome alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GeneratedPolicyOutcomesBenchmark {

    @Param({"allow", "deny", "require_approval"})
    public String outcome;

    private BenchEngine engine;
    private ToolCall[] calls;
    /** Per call of the cycle: whether it ends in {@link #outcome}, so is timed. */
    private boolean[] timed;
    private int next;
    private ToolCall due;
    /** The untimed decisions are stored here (nothing reads them), so that the JIT cannot drop them as unused. */
    private Decision untimed;

    @Setup(Level.Trial)
    public void setUp() {
        GeneratedPolicy policy = GeneratedPolicy.generate();
        engine = GeneratedPolicyBenchmark.openEngine(policy, BenchEngine.LOG_OFF);
        calls = policy.calls(GeneratedPolicyBenchmark.CALLS).toArray(new ToolCall[0]);
        try {
            timed = callsEndingIn(outcome);
        } catch (RuntimeException refused) {
            engine.close();
            throw refused;
        }
    }

    /** Marks the calls the engine decides with {@code outcome}; refuses an outcome no call reaches. */
    private boolean[] callsEndingIn(String outcome) {
        Action[] outcomes = GeneratedPolicyBenchmark.outcomesOf(engine, calls);
        boolean[] marks = new boolean[calls.length];
        boolean any = false;
        for (int i = 0; i < calls.length; i++) {
            marks[i] = outcomes[i].policyName().equals(outcome);
            any |= marks[i];
        }
        if (!any) {
            throw new IllegalStateException("none of the generated calls ends in '" + outcome
                    + "' (expected allow, deny or require_approval): not measuring");
        }
        return marks;
    }

    /** Decides, untimed, the calls of other outcomes up to the next timed one, which is left {@link #due}. */
    @Setup(Level.Invocation)
    public void decideUpToTheNextTimedCall() {
        while (!timed[next]) {
            untimed = engine.decide(calls[next]);
            next = (next + 1) & (GeneratedPolicyBenchmark.CALLS - 1);
        }
        due = calls[next];
        next = (next + 1) & (GeneratedPolicyBenchmark.CALLS - 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Decision protect() {
        return engine.decide(due);
    }
}
