package dev.veto.agent.it;

import static dev.veto.agent.it.FailClosedIT.assertDenied;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.agent.it.ForkedJvm.Run;
import dev.veto.fixture.ToolShapesApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With a policy, every tool shape is decided by it: allowed calls run unchanged, denied ones throw before
 * the body, held ones wait for approval and are denied when the timeout's escalation says so.
 */
class GovernedCallsIT {

    static final String POLICY = ForkedJvm.POLICIES.resolve("agent-it.yaml").toString();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void thePolicyDecidesEveryShapeOfToolCall(String java) throws Exception {
        Run run = ForkedJvm.on(java).agent("policy=" + POLICY + ",context.environment=it").run(ToolShapesApp.class.getName());

        assertAll(run.toString(),
                () -> assertTrue(run.stderr().contains("veto: governing tool calls with policy 'agent-it'")),
                () -> assertEquals("ran:order 1001", run.result("static")),
                () -> assertEquals("ran:refunded 50.0 on 1001", run.result("instance")),
                () -> assertDenied(run.result("instance-large"), "issue_refund", "Refunds above 10000 are never issued by an agent"),
                () -> assertDenied(run.result("instance-approval"), "issue_refund", "approval"),
                () -> assertEquals("ran:6", run.result("unnamed")),
                () -> assertEquals("ran:sent to customer@example.com", run.result("default-method")),
                () -> assertEquals("ran:order 1002", run.result("reflection")),
                () -> assertEquals("ran:closed, refunded 10.0 on 1003", run.result("nested")),
                () -> assertEquals("ran:summary of a long text", run.result("not-a-tool")),
                () -> assertEquals("ran:3200,denied:0,failed:0", run.result("threads")),
                () -> assertDenied(run.result("isolated"), "denied-wrapped:InvocationTargetException:delete_database",
                        "Deleting a database is never an agent's call"),
                () -> assertEquals("false", run.result("isolated-body-ran")),
                () -> assertEquals(String.valueOf(7 + 3200), run.result("bodies-run"), "exactly the allowed bodies ran"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void shadowModeLetsEveryCallRun(String java) throws Exception {
        Run run = ForkedJvm.on(java).agent("policy=" + POLICY + ",mode=shadow").run(ToolShapesApp.class.getName());

        assertAll(run.toString(),
                () -> assertTrue(run.stderr().contains("(shadow mode")),
                () -> assertEquals("ran:refunded 50000.0 on 1001", run.result("instance-large")),
                () -> assertEquals("ran:deleted prod", run.result("isolated")));
    }
}
