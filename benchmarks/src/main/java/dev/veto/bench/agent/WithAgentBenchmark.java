package dev.veto.bench.agent;

import org.openjdk.jmh.annotations.Fork;

/** {@link AgentCallBenchmark} in forks started with the agent on the seed policy. */
@Fork(jvmArgsAppend = {"-javaagent:" + WithAgentBenchmark.AGENT_JAR + "=policy=" + WithAgentBenchmark.POLICY})
public class WithAgentBenchmark extends AgentCallBenchmark {

    /** Relative to the repository's root, where ./bench.sh runs. */
    static final String AGENT_JAR = "agent/target/veto-agent.jar";
    static final String POLICY = "policies/support-agent.yaml";

    @Override
    protected boolean agentAttached() {
        return true;
    }
}
