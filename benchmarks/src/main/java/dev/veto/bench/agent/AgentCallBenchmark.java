package dev.veto.bench.agent;

import dev.veto.ToolDeniedException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The same calls measured in JVMs with the agent ({@link WithAgentBenchmark}) and without it
 * ({@link WithoutAgentBenchmark}) in one JMH run: a governed call minus the same call un-woven is what
 * the agent adds per call; the plain method must cost the same in both.
 *
 * <p>The forks with the agent find the jar and the seed policy by paths relative to the working
 * directory: run from the repository's root ({@code ./bench.sh} does).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class AgentCallBenchmark {

    private final SupportTools tools = new SupportTools();
    private final String orderId = "ord-1001";
    private final String to = "jane@customer.example";
    private final String body = "Your refund of 150 is on its way.";

    /** Whether this fork runs with the agent. */
    protected abstract boolean agentAttached();

    /** Refuses to measure when the fork is not what the benchmark says it is. */
    @Setup
    public void checkTheAgentIsAsExpected() {
        boolean denied;
        try {
            tools.deleteDatabase("prod");
            denied = false;
        } catch (ToolDeniedException e) {
            denied = true;
        }
        if (denied != agentAttached()) {
            throw new IllegalStateException(agentAttached()
                    ? "the agent is not governing @Tool methods in this fork (delete_database ran): not measuring"
                    : "delete_database was denied in a fork without the agent: not measuring");
        }
        if (tools.lookupOrder(orderId) != orderId.length() || tools.sendEmail(to, body) != to.length() + body.length()) {
            throw new IllegalStateException("an allowed tool call did not run its body: not measuring");
        }
    }

    @Benchmark
    public int governedLookupOrder() {
        return tools.lookupOrder(orderId);
    }

    @Benchmark
    public int governedSendEmail() {
        return tools.sendEmail(to, body);
    }

    @Benchmark
    public int plainMethod() {
        return tools.plainLookup(orderId);
    }
}
