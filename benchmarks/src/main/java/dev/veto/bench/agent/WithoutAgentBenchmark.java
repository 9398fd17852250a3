package dev.veto.bench.agent;

/** {@link AgentCallBenchmark} in forks without the agent: the baseline. */
public class WithoutAgentBenchmark extends AgentCallBenchmark {

    @Override
    protected boolean agentAttached() {
        return false;
    }
}
