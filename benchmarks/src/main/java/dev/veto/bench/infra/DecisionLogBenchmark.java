package dev.veto.bench.infra;

import dev.veto.engine.log.DecisionRecord;
import dev.veto.engine.log.JsonlDecisionLog;
import dev.veto.engine.log.Redactor;
import dev.veto.engine.policy.ContentHash;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision log under sustained load: {@code appendSustained} appends as fast as one caller can, so once
 * the queue is full each append waits for the writer thread; its time per operation is the writer's time
 * per line (JSON, canonical form, SHA-256, write). {@code redactSeedPaths} is the redaction a caller does
 * before appending.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionLogBenchmark {

    private static final Map<String, Object> CONTEXT = Map.of("role", "support_l1", "userId", "u-7",
            "session_token", "s3cr3t");
    private static final Map<String, Object> ARGUMENTS = Map.of("orderId", "o-1234", "amount",
            new BigDecimal("150.00"), "card_number", "4111111111111111");
    private static final ContentHash POLICY_HASH = ContentHash.known("ab".repeat(32));

    private final Redactor redactor = Redactor.of(List.of("arguments.card_number", "context.session_token"));
    private Path file;
    private JsonlDecisionLog log;
    private long sequence;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        file = Files.createTempFile("veto-bench", ".jsonl");
        log = JsonlDecisionLog.open(file, 1024, System.err); // a small queue: the steady state comes at once
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        log.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public void appendSustained() {
        log.append(new DecisionRecord(Instant.now(), "decision", "d-" + sequence++, "issue_refund", "allow",
                "refund-limits", "within the limit", CONTEXT, ARGUMENTS, "enforce", "support-agent",
                POLICY_HASH, 1234, null, null, null));
    }

    @Benchmark
    public Map<String, Object> redactSeedPaths() {
        return redactor.redactArguments(ARGUMENTS);
    }
}
