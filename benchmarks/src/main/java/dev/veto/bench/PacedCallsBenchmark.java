package dev.veto.bench;

import dev.veto.engine.Decision;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What one call costs its caller when calls come at an ordinary rate, with the decision log off and on.
 * {@link SeedPolicyBenchmark} calls back to back, so with the log on it measures how fast the log's writer
 * thread writes (an append waits once the bounded queue is full), while an agent's tool calls come far
 * apart (a model's turn takes hundreds of milliseconds). Here about {@value #PAUSE_MICROS} µs of work
 * precede each call outside the measured time (an invocation-level setup), so the writer keeps up and what
 * is measured is the call alone: the decision plus handing its record to the log.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PacedCallsBenchmark {

    static final int PAUSE_MICROS = 50;

    /** The time between two calls, spent before each one and not measured. */
    @State(Scope.Thread)
    public static class Pause {
        /** Blackhole.consumeCPU tokens for about {@value #PAUSE_MICROS} µs (a token is a few nanoseconds). */
        private static final long TOKENS = PAUSE_MICROS * 250L;

        @Setup(Level.Invocation)
        public void pause() {
            Blackhole.consumeCPU(TOKENS);
        }
    }

    @Benchmark
    @Threads(1)
    public Decision protect(SeedCall seed, Pause pause) {
        return seed.decide();
    }
}
