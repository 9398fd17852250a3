package dev.veto.agent.it;

import static dev.veto.agent.it.FailClosedIT.assertDenied;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.agent.it.ForkedJvm.Run;
import dev.veto.fixture.AttachApp;
import dev.veto.fixture.OwnLibrariesApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Attaching to a running JVM whose tools are already loaded, and living beside the application's own libraries. */
class AttachAndLibrariesIT {

    private static final String REFUSAL = "Refunds above 10000 are never issued by an agent";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void attachingRetransformsToolsThatAreAlreadyLoaded(String java) throws Exception {
        Process app = ForkedJvm.on(java).start(AttachApp.class.getName());
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder before = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            before.append(line).append('\n');
        }
        assertTrue(line != null, "the app did not get ready: " + before);
        String pid = line.substring("READY ".length());

        ByteBuddyAgent.attach(ForkedJvm.AGENT_JAR.toFile(), pid, "policy=" + GovernedCallsIT.POLICY);
        ForkedJvm.write(app.getOutputStream(), "go");
        app.getOutputStream().close();
        Run run = ForkedJvm.Run.collect(app);
        String stdout = before + run.stdout();

        assertAll(stdout + run.stderr(),
                () -> assertTrue(before.toString().contains("RESULT before-attach=ran:refunded 50000.0 on 1001")),
                () -> assertDenied(run.result("after-attach"), "issue_refund", REFUSAL),
                () -> assertEquals("ran:order 1001", run.result("after-attach-allowed")),
                () -> assertEquals("ran:summary of x", run.result("after-attach-not-a-tool")),
                () -> assertEquals("2", run.result("bodies-run"), "the refund before the attach and the lookup after it"),
                () -> assertTrue(run.stderr().contains("(attached to a running JVM)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void anApplicationWithItsOwnByteBuddyAndJacksonKeepsThem(String java) throws Exception {
        List<String> classpath = new ArrayList<>(ForkedJvm.testClasspath("veto-annotations", "annotations"));
        try (Stream<Path> jars = Files.list(ForkedJvm.APP_LIBS)) {
            jars.map(Path::toString).sorted().forEach(classpath::add);
        }
        Run run = ForkedJvm.on(java).classpath(classpath).agent("policy=" + GovernedCallsIT.POLICY)
                .run(OwnLibrariesApp.class.getName());

        assertAll(run.toString(),
                () -> assertTrue(run.result("bytebuddy-jar").endsWith("byte-buddy-1.14.18.jar")),
                () -> assertTrue(run.result("jackson-jar").endsWith("jackson-databind-2.17.2.jar")),
                () -> assertEquals("ran:made by the app's Byte Buddy", run.result("bytebuddy-works")),
                () -> assertEquals("ran:{\"amount\":50}", run.result("jackson-works")),
                () -> assertDenied(run.result("tool-denied"), "issue_refund", REFUSAL),
                () -> assertEquals("ran:order 1001", run.result("tool-allowed")));
    }

}
