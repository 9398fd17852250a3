package dev.veto.bench.engine;

import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import dev.veto.engine.Veto;
import dev.veto.engine.log.DecisionLog;
import dev.veto.engine.log.JsonlDecisionLog;
import dev.veto.engine.policy.PolicyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Our engine as the benchmarks run it: a policy, and the decision log off (discarded) or on (JSON Lines
 * to a temporary file, deleted on close).
 *
 * <p>A call that needs approval is held by the engine until someone answers it; nobody waits in a
 * benchmark, so {@link #decide} answers the hold at once (refused): what is measured for such a call is
 * the decision plus opening and closing the hold, never a wait. Without that, millions of held calls
 * would pile up in memory during a run.
 */
public final class BenchEngine implements AutoCloseable {

    /** The {@code log} benchmark parameter. */
    public static final String LOG_OFF = "off";
    public static final String LOG_JSONL = "jsonl";

    private final Veto veto;
    private final DecisionLog log;
    private final Path logFile;

    private BenchEngine(Veto veto, DecisionLog log, Path logFile) {
        this.veto = veto;
        this.log = log;
        this.logFile = logFile;
    }

    public static BenchEngine open(String policyYaml, String policySource, String log) {
        try {
            Path logFile = null;
            DecisionLog decisionLog;
            switch (log) {
                case LOG_OFF -> decisionLog = DecisionLog.discard();
                case LOG_JSONL -> {
                    logFile = Files.createTempFile("veto-bench-decisions-", ".jsonl");
                    decisionLog = JsonlDecisionLog.open(logFile);
                }
                default -> throw new IllegalArgumentException("unknown log '" + log + "'; expected off or jsonl");
            }
            Veto veto = Veto.builder().policyText(policyYaml, policySource).decisionLog(decisionLog).build();
            return new BenchEngine(veto, decisionLog, logFile);
        } catch (PolicyException e) {
            throw new IllegalStateException(policySource + " does not load:\n" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a temporary decision log", e);
        }
    }

    /** Decides the call; a hold is answered at once (see the class comment). */
    public Decision decide(ToolCall call) {
        Decision decision = veto.protect(call.tool(), call.arguments(), call.context());
        if (decision.action() == Action.APPROVAL_REQUIRED) {
            veto.approvals().resolve(decision.id(), false, "benchmark", "benchmarks measure the decision, not the wait");
        }
        return decision;
    }

    /** Refuses to measure a call that the engine does not decide as the benchmark says it does. */
    public void require(ToolCall call, Action expected) {
        Decision decision = decide(call);
        if (decision.action() != expected) {
            throw new IllegalStateException("expected " + expected + " for " + call + " but the engine says "
                    + decision.action() + " (" + decision.reason() + "): not measuring");
        }
    }

    /** The decision log's file when the log is on. */
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }

    /** Waits until every decision so far is written. */
    public void flushLog() {
        log.flush();
    }

    @Override
    public void close() {
        veto.close();
        if (logFile != null) {
            try {
                Files.deleteIfExists(logFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the benchmark's decision log " + logFile, e);
            }
        }
    }
}
