package dev.veto.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.agent.it.ForkedJvm.Run;
import dev.veto.fixture.LangChainApp;
import dev.veto.fixture.SpringAiApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real LangChain4j and Spring AI tools, unchanged, governed through the JVM flag alone: the $50,000 refund
 * asked for by the model is refused before the method body runs, and the refusal reaches the model as the
 * tool's result.
 */
class FrameworksIT {

    private static final String AGENT = "policy=" + GovernedCallsIT.POLICY;
    private static final String REFUSAL = "Refunds above 10000 are never issued by an agent";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void langChain4jRefusalReachesTheModelAsTheToolResult(String java) throws Exception {
        Run run = ForkedJvm.on(java).agent(AGENT + ",verbose=true").run(LangChainApp.class.getName());

        assertAll(run.toString(),
                () -> assertTrue(run.stderr().contains("veto: governing issue_refund (dev.veto.fixture.LangChainApp$RefundTools#issueRefund"),
                        "the LangChain4j @Tool is governed"),
                () -> assertTrue(run.stderr().contains("[@dev.langchain4j.agent.tool.Tool] arguments (order_id, amount)"),
                        "@P(name) names the argument, as LangChain4j does"),
                () -> assertTrue(run.result("default-handler").startsWith("ran:the tool said: "), run.result("default-handler")),
                () -> assertTrue(run.result("default-handler").contains(REFUSAL)),
                () -> assertTrue(run.result("visible-to-llm-handler").startsWith("ran:the tool said: "),
                        "the refusal implements ToolErrorVisibleToLlm: " + run.result("visible-to-llm-handler")),
                () -> assertTrue(run.result("visible-to-llm-handler").contains(REFUSAL)),
                () -> assertEquals("0", run.result("bodies-run"), "the refund body never ran"),
                () -> assertTrue(run.result("concurrent-tools").contains("denied by policy (rule refund-limits)")
                        && run.result("concurrent-tools").contains("context.role is missing"),
                        "a tool on LangChain4j's executor has no VetoContext: " + run.result("concurrent-tools")),
                () -> assertEquals("ran:the tool said: refunded 100.0 on 1002", run.result("concurrent-tools-propagated"),
                        "VetoContext.propagating carries the role to LangChain4j's executor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void springAiToolCallbackIsRefusedTheSameWay(String java) throws Exception {
        Run run = ForkedJvm.on(java).agent(AGENT).run(SpringAiApp.class.getName());

        assertAll(run.toString(),
                () -> assertEquals("issue_refund", run.result("tool-name")),
                () -> assertEquals("ran:\"refunded 50.0 on 1001\"", run.result("small")),
                () -> assertTrue(run.result("large").startsWith("to-model:"), run.result("large")),
                () -> assertTrue(run.result("large").contains(REFUSAL)),
                () -> assertEquals("1", run.result("bodies-run"), "only the allowed refund ran"));
    }
}
