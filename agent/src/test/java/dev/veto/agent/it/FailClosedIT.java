package dev.veto.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.agent.it.ForkedJvm.Run;
import dev.veto.fixture.ToolShapesApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Without a usable policy the agent weaves every tool method and denies every governed call, saying why,
 * while every other method of the application behaves exactly as without the agent.
 */
class FailClosedIT {

    private static final String APP = ToolShapesApp.class.getName();

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void withoutTheAgentEveryToolRuns(String java) throws Exception {
        Run run = ForkedJvm.on(java).run(APP);

        assertAll(run.toString(),
                () -> assertEquals("ran:order 1001", run.result("static")),
                () -> assertEquals("ran:refunded 50.0 on 1001", run.result("instance")),
                () -> assertEquals("ran:sent to customer@example.com", run.result("default-method")),
                () -> assertEquals("ran:closed, refunded 10.0 on 1003", run.result("nested")),
                () -> assertEquals("ran:deleted prod", run.result("isolated")),
                () -> assertEquals("ran:3200,denied:0,failed:0", run.result("threads")),
                () -> assertEquals("application", run.result("tool-denied-exception-loader")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void noPolicyDeniesEveryGovernedCallOfEveryShapeAndNothingElse(String java) throws Exception {
        Run run = ForkedJvm.on(java).agent("verbose=true").run(APP);

        String why = "no policy is configured";
        assertAll(run.toString(),
                () -> assertEquals(0, run.exitCode()),
                () -> assertTrue(run.stderr().contains("veto: ERROR: no policy is configured"), "loud message"),
                () -> assertTrue(run.stderr().contains("every governed tool call will be DENIED")),
                () -> assertEquals("bootstrap", run.result("tool-denied-exception-loader")),
                () -> assertDenied(run.result("static"), "lookup_order", why),
                () -> assertDenied(run.result("instance"), "issue_refund", why),
                () -> assertDenied(run.result("unnamed"), "countTickets", why),
                () -> assertDenied(run.result("default-method"), "send_email", why),
                () -> assertDenied(run.result("reflection"), "denied-wrapped:InvocationTargetException:lookup_order", why),
                () -> assertDenied(run.result("nested"), "close_ticket", why),
                () -> assertDenied(run.result("isolated"), "denied-wrapped:InvocationTargetException:delete_database", why),
                () -> assertEquals("false", run.result("isolated-body-ran")),
                () -> assertEquals("ran:0,denied:3200,failed:0", run.result("threads")),
                () -> assertEquals("ran:summary of a long text", run.result("not-a-tool")),
                () -> assertEquals("0", run.result("bodies-run"), "no tool body ran"),
                // argument names, resolved once when each method was woven (verbose=true lists them)
                () -> assertWoven(run, "lookup_order (dev.veto.fixture.SupportTools#lookupOrder", "[@dev.veto.Tool] arguments (orderId)"),
                () -> assertWoven(run, "issue_refund (dev.veto.fixture.SupportTools#issueRefund", "arguments (order_id, amount)"),
                () -> assertWoven(run, "countTickets (dev.veto.fixture.SupportTools#countTickets", "arguments (days)"),
                () -> assertWoven(run, "send_email (dev.veto.fixture.Mailer#sendEmail", "arguments (to, body)"),
                () -> assertTrue(!run.stderr().contains("#summarize"), "ordinary methods are not woven"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void aBadKeyIsAClearStartUpErrorAndTheAgentFailsClosed(String java) throws Exception {
        Run run = ForkedJvm.on(java)
                .agent("policy=" + ForkedJvm.POLICIES.resolve("missing.yaml") + ",mdoe=shadow")
                .option("-Dveto.reload=maybe")
                .env("VETO_APPROVAL_HTTP_PORT", "99999")
                .run(APP);

        assertAll(run.toString(),
                () -> assertEquals(0, run.exitCode()),
                () -> assertTrue(run.stderr().contains("-javaagent argument 'mdoe=shadow': unknown key; known keys: policy, mode"),
                        "names the bad argument and the known keys"),
                () -> assertTrue(run.stderr().contains("system property veto.reload: expected 'true' or 'false'")),
                () -> assertTrue(run.stderr().contains("environment variable VETO_APPROVAL_HTTP_PORT: approval.http.port: '99999' is not valid"),
                        "approval.* keys are checked by the approval channels, and named with where they came from"),
                () -> assertDenied(run.result("static"), "lookup_order", "configuration is invalid"),
                () -> assertEquals("ran:summary of a long text", run.result("not-a-tool")),
                () -> assertEquals("0", run.result("bodies-run")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void aPolicyThatDoesNotExistDeniesEveryGovernedCall(String java) throws Exception {
        String missing = ForkedJvm.POLICIES.resolve("does-not-exist.yaml").toString();
        Run run = ForkedJvm.on(java).agent("").env("VETO_POLICY", missing).run(APP);

        assertAll(run.toString(),
                () -> assertEquals(0, run.exitCode()),
                () -> assertTrue(run.stderr().contains("veto: ERROR: policy failed to load: " + missing + ":")),
                () -> assertDenied(run.result("instance-large"), "issue_refund", "failed to load"),
                () -> assertEquals("ran:summary of a long text", run.result("not-a-tool")),
                () -> assertEquals("0", run.result("bodies-run")));
    }

    /**
     * In shadow mode a policy that fails to load stops nothing (the engine logs each call as denied and lets it
     * run, as shadow mode promises), so stderr must not claim that every call will be DENIED: a reviewer
     * reading that would believe the tools are blocked while they run.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void inShadowModeABrokenPolicyIsReportedAsLettingCallsRun(String java) throws Exception {
        Path broken = Files.createTempFile("veto-broken", ".yaml");
        try {
            Files.writeString(broken, "name: broken\nrules:\n  - {tool: lookup_order, acton: allow}\n");
            Run run = ForkedJvm.on(java).agent("policy=" + broken + ",mode=shadow").run(APP);

            assertAll(run.toString(),
                    () -> assertEquals("ran:order 1001", run.result("static"), "shadow mode lets the call run"),
                    () -> assertTrue(run.stderr().contains("unknown key 'acton'"), "says what is wrong"),
                    () -> assertTrue(!run.stderr().contains("DENIED") && !run.stderr().contains("is denied until"),
                            "does not claim calls are denied"),
                    () -> assertTrue(run.stderr().contains("shadow mode: every governed tool call runs"),
                            "says what really happens"));
        } finally {
            Files.deleteIfExists(broken);
        }
    }

    /**
     * A temporary directory the agent cannot write to (a read-only root file system, a tmpdir that is not a
     * directory) used to leave every tool ungoverned: the bridge's jar could not be written for the bootstrap
     * class path, so the agent gave up and the tools ran unchecked. The bridge now comes from the agent jar on
     * the application's class path instead: the application's tools are decided by the policy, and a tool in
     * a loader that cannot see the bridge fails (never runs unchecked).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void anUnwritableTemporaryDirectoryStillGovernsEveryToolCall(String java) throws Exception {
        Path notADirectory = Files.createTempFile("veto-not-a-directory", "");
        try {
            Run run = ForkedJvm.on(java).agent("policy=" + GovernedCallsIT.POLICY)
                    .option("-Djava.io.tmpdir=" + notADirectory).run(APP);

            assertAll(run.toString(),
                    () -> assertTrue(run.stderr().contains("cannot put the Veto bridge on the bootstrap class path"), "says so"),
                    () -> assertEquals("ran:order 1001", run.result("static"), "allowed by lookup-orders"),
                    () -> assertDenied(run.result("instance-large"), "issue_refund", "Refunds above 10000"),
                    () -> assertEquals("false", run.result("isolated-body-ran"), "the isolated tool never ran unchecked"),
                    () -> assertEquals("ran:summary of a long text", run.result("not-a-tool")));
        } finally {
            Files.deleteIfExists(notADirectory);
        }
    }

    static void assertDenied(String outcome, String tool, String reasonPart) {
        String prefix = tool.startsWith("denied") ? tool + ":" : "denied:" + tool + ":";
        assertTrue(outcome.startsWith(prefix), () -> "expected " + prefix + "... but was " + outcome);
        assertTrue(outcome.contains(reasonPart), () -> "expected the reason to mention '" + reasonPart + "': " + outcome);
    }

    static void assertWoven(Run run, String site, String detail) {
        boolean found = run.stderr().lines().anyMatch(line -> line.contains("veto: governing " + site) && line.contains(detail));
        assertTrue(found, () -> "expected a line 'veto: governing " + site + "...' with '" + detail + "'");
    }
}
