package dev.veto.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.agent.it.ForkedJvm.Run;
import dev.veto.fixture.ReloadApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hot reload as a running application sees it. */
class ReloadIT {

    private static final String DENY = "name: reload-it\\nrules:\\n  - {id: no-lookups, tool: lookup_order, action: deny}\\n";

    /**
     * A saved change that says {@code mode: shadow} stops enforcement: every governed call runs from then on.
     * That used to be announced only as "reloaded", so an operator reading stderr could not tell that the
     * tools were no longer protected, even with {@code mode=enforce} asked for (which at start-up gets a
     * warning). The reload now says so.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void aReloadIntoShadowModeWarnsThatCallsNowRun(String java, @TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, DENY.replace("\\n", "\n"));

        Run run = ForkedJvm.on(java).agent("policy=" + policy + ",mode=enforce")
                .run(ReloadApp.class.getName(), policy.toString(), "mode: shadow\\n" + DENY);

        assertAll(run.toString(),
                () -> assertTrue(run.result("before").startsWith("denied:lookup_order:"), "enforced before"),
                () -> assertEquals("ran:order 1001", run.result("after"), "shadow mode lets the call run"),
                () -> assertTrue(run.stderr().contains("veto: WARN Veto policy 'reload-it' reloaded from " + policy
                        + " says 'mode: shadow': governed tool calls now run and are only logged"),
                        "the reload says that enforcement stopped"));
    }
}
