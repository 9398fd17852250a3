package dev.veto.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.agent.it.ForkedJvm.Run;
import dev.veto.fixture.ContextApp;
import dev.veto.fixture.MdcProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The context layers as the policy sees them: static configuration, then the SLF4J MDC, then VetoContext. */
class ContextIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void vetoContextBeatsTheMdcWhichBeatsStaticContext(String java) throws Exception {
        Run run = ForkedJvm.on(java)
                .classpath(ForkedJvm.testClasspath("slf4j-api", "veto-annotations", "annotations"))
                .agent("policy=" + GovernedCallsIT.POLICY)
                .option("-Dveto.context.tier=bronze")
                .option("-Dslf4j.provider=" + MdcProvider.class.getName())
                .run(ContextApp.class.getName());

        assertAll(run.toString(),
                () -> assertTrue(!run.stderr().contains("SLF4J(E)"),
                        "the application's slf4j.provider does not leak into the agent's relocated SLF4J"),
                () -> assertTrue(run.result("static-only").startsWith("denied:tier_probe:")),
                () -> assertEquals("ran:allowed", run.result("mdc-over-static")),
                () -> assertTrue(run.result("veto-context-over-mdc").startsWith("denied:tier_probe:")),
                () -> assertEquals("ran:allowed", run.result("veto-context-gold")),
                () -> assertTrue(run.result("pool-thread").startsWith("denied:tier_probe:"),
                        "a pool thread has only the static context"),
                () -> assertEquals("ran:allowed", run.result("pool-thread-propagated"),
                        "VetoContext.propagating carries the caller's context to the pool"));
    }
}
