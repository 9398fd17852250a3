package dev.veto.agent.it;

import static dev.veto.agent.it.FailClosedIT.assertDenied;
import static dev.veto.agent.it.FailClosedIT.assertWoven;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.agent.it.ForkedJvm.Run;
import dev.veto.fixture.LegacyApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy's {@code instrument:} section governs classes that carry no annotation and no parameter
 * names (compiled here without {@code -parameters} and without {@code -g}); argument names come from the
 * entry, else the local variable table, else {@code argN}.
 */
class InstrumentIT {

    @TempDir
    static Path work;
    static Path noDebugInfo;
    static Path localVariablesOnly;

    @BeforeAll
    static void compileLegacyClasses() throws Exception {
        noDebugInfo = compile("nodebug", "-g:none",
                source("legacy", "LegacyDatabase", """
                        public class LegacyDatabase {
                            public static int bodiesRun;
                            public String execute(String query, int timeoutSeconds) { bodiesRun++; return "rows for " + query; }
                        }"""),
                source("legacy", "Repository", "public interface Repository { String deleteAll(String table); }"),
                source("legacy", "OrderRepository", """
                        public class OrderRepository implements Repository {
                            public String deleteAll(String table) { LegacyDatabase.bodiesRun++; return "emptied " + table; }
                        }"""),
                // deleteAll lives in a base class that is no Repository: the Repository subtype inherits it
                source("legacy", "BaseStore", """
                        public class BaseStore {
                            public String deleteAll(String table) { return "emptied " + table; }
                        }"""),
                source("legacy", "ArchiveRepository", """
                        public class ArchiveRepository extends BaseStore implements Repository {
                            public static int bodiesRun;
                            public String deleteAll(String table, boolean vacuum) { bodiesRun++; return "unused"; }
                        }"""),
                source("legacy", "ReportAdmin", """
                        public class ReportAdmin {
                            public String dropTable(String name) { LegacyDatabase.bodiesRun++; return "dropped " + name; }
                            public String dropTable(String name, boolean cascade) { return "dropped " + name + " cascade"; }
                            public String vacuum() { return "vacuumed"; }
                        }"""),
                source("legacy", "BareTools", """
                        public class BareTools {
                            @dev.veto.Tool(name = "lookup_order")
                            public String lookupOrder(String orderId, int days) { return "order " + orderId; }
                        }"""));
        localVariablesOnly = compile("lvt", "-g",
                source("debug", "DebugTools", """
                        public class DebugTools {
                            @dev.veto.Tool(name = "lookup_order")
                            public String lookupOrder(String orderId, int days) { return "order " + orderId; }
                        }"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void instrumentEntriesGovernClassesWithoutAnnotationsOrNames(String java) throws Exception {
        Run run = ForkedJvm.on(java).agent("policy=" + GovernedCallsIT.POLICY + ",verbose=true")
                .run(LegacyApp.class.getName(), noDebugInfo.toString(), localVariablesOnly.toString());

        assertAll(run.toString(),
                () -> assertTrue(run.stderr().contains("(enforce mode, 3 instrument entries)")),
                () -> assertEquals("ran:rows for select * from orders", run.result("select")),
                () -> assertDenied(run.result("drop"), "denied-wrapped:InvocationTargetException:execute_sql",
                        "Schema changes and grants are never run by an agent"),
                () -> assertDenied(run.result("subtype"), "denied-wrapped:InvocationTargetException:drop_all_rows",
                        "Dropping tables is never an agent's call"),
                () -> assertDenied(run.result("subtype-inherited"), "denied-wrapped:InvocationTargetException:drop_all_rows",
                        "Dropping tables is never an agent's call"),
                () -> assertEquals("ran:emptied orders", run.result("not-a-subtype"), "BaseStore is no Repository"),
                () -> assertDenied(run.result("overload-matched"), "denied-wrapped:InvocationTargetException:drop_table",
                        "Dropping tables"),
                () -> assertEquals("ran:dropped reports cascade", run.result("overload-other"), "parameter_types picks one overload"),
                () -> assertEquals("ran:vacuumed", run.result("not-listed")),
                () -> assertEquals("ran:order 1001", run.result("local-variable-names")),
                () -> assertEquals("ran:order 1001", run.result("no-names")),
                () -> assertEquals("1", run.result("legacy-bodies-run"), "only the allowed select ran"),
                () -> assertWoven(run, "execute_sql (legacy.LegacyDatabase#execute", "arguments (query, timeout_seconds)"),
                () -> assertWoven(run, "drop_all_rows (legacy.OrderRepository#deleteAll", "arguments (arg0)"),
                () -> assertWoven(run, "drop_all_rows (legacy.ArchiveRepository#deleteAll(Ljava/lang/String;)",
                        "(inherited from legacy.BaseStore)] arguments (arg0)"),
                () -> assertWoven(run, "lookup_order (debug.DebugTools#lookupOrder", "arguments (orderId, days)"),
                () -> assertWoven(run, "lookup_order (legacy.BareTools#lookupOrder", "arguments (arg0, arg1)"));
    }

    /**
     * A policy that fails to load, or an agent configuration with a bad key, denies every governed call: the
     * methods the policy's instrument: section names are governed calls too, so they must still be woven and
     * denied, not left to run unguarded because the rest of the file (or a typo in an unrelated key) is wrong.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void instrumentedMethodsAreDeniedWhenThePolicyOrTheConfigurationIsBroken(String java) throws Exception {
        Path broken = work.resolve("broken-rule.yaml");
        Files.writeString(broken, Files.readString(Path.of(GovernedCallsIT.POLICY))
                .replace("tool: delete_database\n    action: deny", "tool: delete_database\n    action: dney"));
        Run badPolicy = ForkedJvm.on(java).agent("policy=" + broken)
                .run(LegacyApp.class.getName(), noDebugInfo.toString(), localVariablesOnly.toString());
        Run badKey = ForkedJvm.on(java).agent("policy=" + GovernedCallsIT.POLICY + ",mdoe=shadow")
                .run(LegacyApp.class.getName(), noDebugInfo.toString(), localVariablesOnly.toString());

        for (Run run : List.of(badPolicy, badKey)) {
            String why = run == badPolicy ? "failed to load" : "configuration is invalid";
            assertAll(run.toString(),
                    () -> assertTrue(run.stderr().contains("every governed tool call will be DENIED")),
                    () -> assertDenied(run.result("select"), "denied-wrapped:InvocationTargetException:execute_sql", why),
                    () -> assertDenied(run.result("drop"), "denied-wrapped:InvocationTargetException:execute_sql", why),
                    () -> assertDenied(run.result("subtype"), "denied-wrapped:InvocationTargetException:drop_all_rows", why),
                    () -> assertDenied(run.result("subtype-inherited"), "denied-wrapped:InvocationTargetException:drop_all_rows", why),
                    () -> assertDenied(run.result("overload-matched"), "denied-wrapped:InvocationTargetException:drop_table", why),
                    () -> assertEquals("ran:vacuumed", run.result("not-listed")),
                    () -> assertEquals("0", run.result("legacy-bodies-run"), "no instrumented body ran"));
        }
    }

    private static Path source(String pkg, String name, String body) throws Exception {
        Path file = work.resolve("src").resolve(pkg).resolve(name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package " + pkg + ";\n" + body + "\n");
        return file;
    }

    private static Path compile(String name, String debugOption, Path... sources) {
        Path out = work.resolve(name);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("--release", "17", debugOption, "-d", out.toString(),
                "-cp", String.join(File.pathSeparator, ForkedJvm.testClasspath())));
        for (Path source : sources) {
            arguments.add(source.toString());
        }
        int status = javac.run(null, null, null, arguments.toArray(String[]::new));
        assertEquals(0, status, "javac " + arguments);
        return out;
    }
}
