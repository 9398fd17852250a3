package dev.veto.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.agent.it.ForkedJvm.Run;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application launched as a module ({@code java -p mods -m app/app.Main}): only the modules it requires are
 * in the boot layer, so JDK modules the agent uses for channels the configuration does not ask for (the
 * reviewer page's {@code jdk.httpserver}) are not there. The module is compiled here.
 */
class ModularAppIT {

    @TempDir
    static Path work;
    static Path modules;

    @BeforeAll
    static void compileModule() throws Exception {
        Path source = work.resolve("src");
        Files.createDirectories(source.resolve("app"));
        Files.writeString(source.resolve("module-info.java"), "module shop.app { requires veto.annotations; }\n");
        Files.writeString(source.resolve("app/Main.java"), """
                package app;
                public class Main {
                    @dev.veto.Tool(name = "delete_database")
                    public String dropDatabase(String name) { return "dropped " + name; }
                    @dev.veto.Tool(name = "lookup_order")
                    public String lookupOrder(String orderId) { return "order " + orderId; }
                    static String outcome(java.util.concurrent.Callable<String> call) {
                        try {
                            return "ran:" + call.call();
                        } catch (dev.veto.ToolDeniedException denied) {
                            return "denied:" + denied.tool();
                        } catch (Throwable other) {
                            return "error:" + other;
                        }
                    }
                    public static void main(String[] args) {
                        Main tools = new Main();
                        System.out.println("RESULT drop=" + outcome(() -> tools.dropDatabase("orders")));
                        System.out.println("RESULT lookup=" + outcome(() -> tools.lookupOrder("1001")));
                        System.out.println("RESULT module=" + Main.class.getModule().getName());
                    }
                }""");
        modules = work.resolve("mods");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = List.of("--release", "17", "-d", modules.resolve("shop.app").toString(),
                "--module-path", annotationsJar(), source.resolve("module-info.java").toString(),
                source.resolve("app/Main.java").toString());
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "javac " + arguments);
    }

    /**
     * With instrument: entries the engine starts on premain's thread, approval channels included; the console
     * channel's start loaded the reviewer page's classes, which need jdk.httpserver, and the
     * NoClassDefFoundError stopped the whole agent: every tool of a modular application ran ungoverned.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void aModularApplicationIsGoverned(String java) throws Exception {
        Run run = ForkedJvm.on(java).classpath(List.of())
                .option("--module-path").option(modules + File.pathSeparator + annotationsJar())
                .agent("policy=" + GovernedCallsIT.POLICY)
                .run("-m", "shop.app/app.Main");
        assertAll(run.toString(),
                () -> assertEquals("shop.app", run.result("module")),
                () -> assertEquals("denied:delete_database", run.result("drop")),
                () -> assertEquals("ran:order 1001", run.result("lookup")),
                () -> assertFalse(run.stderr().contains("failed to start"), "the agent starts"));
    }

    /**
     * When the configuration asks for the reviewer page but the module graph has no jdk.httpserver, the
     * channels cannot start. The NoClassDefFoundError was not caught where a channel that cannot start is
     * handled, so it stopped the whole agent and every tool ran ungoverned; now held calls are decided by
     * their escalation, stderr says why, and every other call is governed as usual.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void aReviewerPageWithoutItsModuleLeavesTheToolsGoverned(String java) throws Exception {
        Run run = ForkedJvm.on(java).classpath(List.of())
                .option("--module-path").option(modules + File.pathSeparator + annotationsJar())
                .agent("policy=" + GovernedCallsIT.POLICY + ",approval.default=http,approval.http.port=0")
                .run("-m", "shop.app/app.Main");
        assertAll(run.toString(),
                () -> assertEquals("denied:delete_database", run.result("drop")),
                () -> assertEquals("ran:order 1001", run.result("lookup")),
                () -> assertFalse(run.stderr().contains("failed to start"), "the agent starts"),
                () -> assertTrue(run.stderr().contains("veto: ERROR: the approval channels could not start"),
                        "stderr says why held calls cannot wait for a reviewer"),
                () -> assertTrue(run.stderr().contains("--add-modules jdk.httpserver"), "and what to do"));
    }

    private static String annotationsJar() {
        return ForkedJvm.testClasspath().stream().filter(entry -> Path.of(entry).getFileName().toString().startsWith("veto-annotations")
                || entry.replace('\\', '/').contains("/annotations/target/classes")).findFirst()
                .orElseThrow(() -> new AssertionError("no annotations jar on " + ForkedJvm.testClasspath()));
    }
}
