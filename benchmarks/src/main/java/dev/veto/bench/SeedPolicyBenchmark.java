package dev.veto.bench;

import dev.veto.engine.Decision;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@code protect} on the seed policy for an allowed, a denied and an approval-required call, with the
 * decision log off and on ({@link SeedCall}), from 1 and 2 threads, calls back to back.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SeedPolicyBenchmark {

    @Benchmark
    @Threads(1)
    public Decision protect(SeedCall seed) {
        return seed.decide();
    }

    @Benchmark
    @Threads(2)
    public Decision protect2Threads(SeedCall seed) {
        return seed.decide();
    }
}
