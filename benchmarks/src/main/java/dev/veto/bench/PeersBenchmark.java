package dev.veto.bench;

import dev.veto.bench.refund.BoundDecision;
import dev.veto.bench.refund.RefundDeciders;
import dev.veto.engine.Action;
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

/**
 * Our engine against AWS Cedar, jCasbin and a hand-written if chain, on the same refund decision: the
 * seed policy's refund rules, an L1 support agent asking for 150 (allow), 500 (approval) or -5 (deny).
 * Every engine's request is built before measuring; the setup refuses an engine that decides otherwise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PeersBenchmark {

    @Param({"veto", "cedar", "jcasbin", "jcasbin-eval", "if-chain"})
    public String engine;

    @Param({"allow", "require_approval", "deny"})
    public String decision;

    private BoundDecision<?> bound;

    @Setup
    public void setUp() {
        bound = BoundDecision.check(RefundDeciders.byName(engine), Decisions.byPolicyName(decision));
    }

    @TearDown
    public void tearDown() {
        bound.close();
    }

    @Benchmark
    public Action decide() {
        return bound.decide();
    }
}
