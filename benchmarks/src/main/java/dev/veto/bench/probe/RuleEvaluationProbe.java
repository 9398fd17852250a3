package dev.veto.bench.probe;

import dev.veto.bench.engine.ToolCall;
import dev.veto.bench.generated.GeneratedPolicy;
import dev.veto.engine.eval.CompiledPolicy;
import dev.veto.engine.eval.Decided;
import dev.veto.engine.eval.Decider;
import dev.veto.engine.policy.PolicyException;
import dev.veto.engine.policy.PolicyLoader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A probe for work on the hot path, not a headline figure: the rules' decision alone ({@link Decider}: no
 * decision id, no log, no held call) on the same generated policy and the same 1,024 cycling calls as
 * {@code GeneratedPolicyBenchmark}, so the engine's share of {@code protect} can be measured apart from
 * the facade's. {@code oneTool} sends every call's arguments to a single tool: the gap between the two is
 * what varying the tool costs (its program's memory and branch history); {@code fewCalls} cycles over 16
 * calls only, so that their data stays in cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RuleEvaluationProbe {

    private static final int CALLS = 1024;

    private CompiledPolicy compiled;
    private ToolCall[] calls;
    private String[] sameTool;
    private int next;

    @Setup
    public void setUp() throws PolicyException {
        GeneratedPolicy policy = GeneratedPolicy.generate();
        compiled = CompiledPolicy.compile(PolicyLoader.standard().parse(policy.yaml(), "generated.yaml"), null,
                System::nanoTime);
        List<ToolCall> generated = policy.calls(CALLS);
        calls = generated.toArray(new ToolCall[0]);
        sameTool = new String[CALLS];
        java.util.Arrays.fill(sameTool, GeneratedPolicy.toolName(7));
    }

    @Benchmark
    public Decided decide() {
        ToolCall call = calls[next];
        next = (next + 1) & (CALLS - 1);
        return Decider.decide(compiled, call.tool(), call.arguments(), call.context(), null);
    }

    /**
     * All 1,024 calls in one invocation, so a sample is a whole pass: on a shared machine the low
     * percentiles of whole passes (the passes nobody disturbed) compare two builds more steadily than the
     * median of single calls does.
     */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void pass(Blackhole sink) {
        for (ToolCall call : calls) {
            sink.consume(Decider.decide(compiled, call.tool(), call.arguments(), call.context(), null));
        }
    }

    /** {@link #pass} over the first 16 calls only, 64 times: the same work with data in cache. */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public void passFew(Blackhole sink) {
        for (int i = 0; i < CALLS; i++) {
            ToolCall call = calls[i & 15];
            sink.consume(Decider.decide(compiled, call.tool(), call.arguments(), call.context(), null));
        }
    }

    /** The first 16 calls only: their data and programs stay in cache, what remains is the work itself. */
    @Benchmark
    public Decided fewCalls() {
        ToolCall call = calls[next & 15];
        next = (next + 1) & (CALLS - 1);
        return Decider.decide(compiled, call.tool(), call.arguments(), call.context(), null);
    }

    @Benchmark
    public Decided oneTool() {
        ToolCall call = calls[next];
        String tool = sameTool[next];
        next = (next + 1) & (CALLS - 1);
        return Decider.decide(compiled, tool, call.arguments(), call.context(), null);
    }
}
