package dev.veto.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.agent.it.ForkedJvm.Run;
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
 * Methods a class inherits or implements from its supertypes. A {@code subtypes_of} entry's method that the
 * selected class inherits from a supertype the entry does not select: the override the agent gives the class
 * (InheritedOverride) must govern each call once, and leave what reflection and frameworks read about the
 * method working. A tool annotation on an abstract method governs nothing, and says so. The classes are
 * compiled here.
 */
class InheritedOverrideIT {

    static final String POLICY = ForkedJvm.POLICIES.resolve("inherited-it.yaml").toString();

    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = work.resolve("classes");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-parameters", "-d", classes.toString(),
                "-cp", String.join(File.pathSeparator, ForkedJvm.testClasspath())));
        for (String[] source : SOURCES) {
            Path file = work.resolve("src/inherit").resolve(source[0] + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "package inherit;\n" + source[1] + "\n");
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "javac " + arguments);
        Path old = classes.resolve("inherit/OldRepository.class");
        byte[] bytes = Files.readAllBytes(old);
        bytes[6] = 0;
        bytes[7] = 50; // major version 50, Java 6: the class has no code that needs a stack map frame
        Files.write(old, bytes);
    }

    private static final String[][] SOURCES = {
        {"Saver", "public interface Saver<T> { String save(T item); }"},
        // save(T) erases to save(CharSequence); its generic signature names GenericBase's own T
        {"GenericBase", """
                public class GenericBase<T extends CharSequence> {
                    public String save(T item) { return "saved " + item; }
                    public <N extends Number> String save(N number, int times) { return "saved " + number + " x" + times; }
                }"""},
        {"StringSaver", "public class StringSaver extends GenericBase<String> implements Saver<String> { }"},
        {"Finder", "public interface Finder { Object find(String id); }"},
        {"BaseStore", "public abstract class BaseStore<T> { public T find(String id) { return null; } }"},
        // overrides find with a covariant return: javac adds the bridge find(String)Object, which calls find(String)String
        {"OrderStore", "public class OrderStore extends BaseStore<String> { @Override public String find(String id) { return \"order \" + id; } }"},
        {"ArchiveStore", "public class ArchiveStore extends OrderStore implements Finder { }"},
        // deleteAll is a default method of an interface that no entry selects
        {"CrudOps", "public interface CrudOps { default String deleteAll(String table) { return \"emptied \" + table; } }"},
        {"Repository", "public interface Repository extends CrudOps { }"},
        {"OrderRepository", "public class OrderRepository implements Repository { }"},
        {"Archive", "public interface Archive { }"},
        {"BaseDao", "public class BaseDao implements CrudOps { }"},
        {"ArchiveDao", "public class ArchiveDao extends BaseDao implements Archive { }"},
        // SpecialOps overrides CrudOps's default; the class reaches it through its superclass, CrudOps as near
        {"SpecialOps", "public interface SpecialOps extends CrudOps { default String deleteAll(String table) { return \"archived \" + table; } }"},
        {"SpecialTables", "public interface SpecialTables extends SpecialOps { }"},
        {"SpecialBase", "public class SpecialBase implements SpecialTables { }"},
        {"SpecialRepository", "public class SpecialRepository extends SpecialBase implements Repository { }"},
        // a superclass's method beats an interface's default method
        {"TableStore", "public class TableStore { public String deleteAll(String table) { return \"truncated \" + table; } }"},
        {"LegacyRepository", "public class LegacyRepository extends TableStore implements Repository { }"},
        // its class file is made a Java 6 one below: it cannot call an interface's method with invokespecial
        {"OldRepository", "public class OldRepository implements Repository { }"},
        // the tool annotation sits on methods without a body; the classes that implement them carry none
        {"RefundTools", "public interface RefundTools { @dev.veto.Tool(name = \"issue_refund\") String refund(String orderId); }"},
        {"TicketTools", "public abstract class TicketTools { @dev.veto.Tool(name = \"close_ticket\") public abstract String close(String id); }"},
        {"SupportDesk", """
                public class SupportDesk extends TicketTools implements RefundTools {
                    public String refund(String orderId) { return "refunded " + orderId; }
                    public String close(String id) { return "closed " + id; }
                }"""},
        {"Main", """
                import dev.veto.fixture.Results;
                import java.util.Arrays;
                public class Main {
                    public static void main(String[] args) throws Exception {
                        switch (args[0]) {
                            case "generics" -> {
                                Results.outcome("save", () -> new StringSaver().save("a"));
                                Results.outcome("save-generic-types", () -> Arrays.toString(
                                        StringSaver.class.getMethod("save", CharSequence.class).getGenericParameterTypes()));
                                Results.outcome("save-generic-string",
                                        () -> StringSaver.class.getMethod("save", Number.class, int.class).toGenericString());
                            }
                            case "covariant" -> {
                                Results.outcome("direct", () -> new ArchiveStore().find("d1"));
                                Results.outcome("through-base", () -> { BaseStore<String> store = new ArchiveStore(); return store.find("b2"); });
                                Results.outcome("through-interface", () -> { Finder finder = new ArchiveStore(); return finder.find("f3"); });
                            }
                            case "defaults" -> {
                                Results.outcome("through-interface", () -> new OrderRepository().deleteAll("orders"));
                                Results.outcome("through-interface-allowed", () -> new OrderRepository().deleteAll("scratch"));
                                Results.outcome("through-superclass", () -> new ArchiveDao().deleteAll("orders"));
                                Results.outcome("through-superclass-allowed", () -> new ArchiveDao().deleteAll("scratch"));
                                Results.outcome("most-specific", () -> new SpecialRepository().deleteAll("orders"));
                                Results.outcome("most-specific-allowed", () -> new SpecialRepository().deleteAll("scratch"));
                                Results.outcome("class-wins", () -> new LegacyRepository().deleteAll("orders"));
                                Results.outcome("class-wins-allowed", () -> new LegacyRepository().deleteAll("scratch"));
                                Results.outcome("old-class-file", () -> new OldRepository().deleteAll("orders"));
                            }
                            case "governed-where-declared" -> {
                                Results.outcome("subtype", () -> new LegacyRepository().deleteAll("scratch"));
                                Results.outcome("declaring-class", () -> new TableStore().deleteAll("scratch"));
                            }
                            case "abstract-tools" -> {
                                RefundTools desk = new SupportDesk();
                                Results.outcome("refund", () -> desk.refund("1001"));
                            }
                            default -> throw new IllegalArgumentException(args[0]);
                        }
                    }
                }"""},
    };

    /**
     * The inherited method's generic signature names a type variable of the class that declares it, which the
     * subtype does not have: copied as it was onto the override, it broke reflection (a NullPointerException
     * on Java 17, TypeNotPresentException on Java 25) for every framework that reads generic parameter types.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void anOverrideOfAGenericMethodKeepsReflectionWorking(String java) throws Exception {
        Run run = run(java, "generics", "verbose=true");
        assertAll(run.toString(),
                () -> FailClosedIT.assertWoven(run, "save_item (inherit.StringSaver#save(Ljava/lang/CharSequence;)",
                        "(inherited from inherit.GenericBase)] arguments (item)"),
                () -> assertEquals("ran:saved a", run.result("save")),
                () -> assertEquals("ran:[interface java.lang.CharSequence]", run.result("save-generic-types"),
                        "the class's type variable is erased in the override"),
                () -> assertEquals("ran:public <N extends java.lang.Number> java.lang.String inherit.StringSaver.save(N,int)",
                        run.result("save-generic-string"), "a method's own type variables stay"));
    }

    /**
     * OrderStore overrides BaseStore's find with a covariant return, so it also has the bridge find(String)Object.
     * The subtype was given an override of each descriptor, and a call through BaseStore or Finder went through
     * both: two checks, two decisions (two approvals, a rate limit counted twice) for one call.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void aCallThroughABridgeIsCheckedOnce(String java) throws Exception {
        Path log = Files.createTempFile(work, "decisions", ".jsonl");
        Run run = run(java, "covariant", "log=" + log);
        List<String> decisions = Files.readAllLines(log).stream().filter(line -> line.contains("\"tool\":\"find_item\"")).toList();
        assertAll(run.toString() + "\ndecisions:\n" + String.join("\n", decisions),
                () -> assertEquals("ran:order d1", run.result("direct")),
                () -> assertEquals("ran:order b2", run.result("through-base")),
                () -> assertEquals("ran:order f3", run.result("through-interface")),
                () -> assertEquals(List.of("d1", "b2", "f3"),
                        decisions.stream().map(line -> line.replaceAll(".*\"arguments\":\\{\"id\":\"([^\"]*)\".*", "$1")).toList(),
                        "one decision per call"));
    }

    /**
     * A subtypes_of entry's method that the class inherits as an interface's default method, from an interface
     * the entry does not select (Repository extends CrudOps, which declares deleteAll): it ran ungoverned and
     * without a warning. Now the class gets an override that calls the default method through the interface
     * (or the superclass) it reaches it by; a class file too old to call an interface's method is a warning.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void anInheritedDefaultMethodIsGoverned(String java) throws Exception {
        Run run = run(java, "defaults", "verbose=true");
        assertAll(run.toString(),
                () -> FailClosedIT.assertDenied(run.result("through-interface"), "drop_all_rows", "default_action: deny"),
                () -> assertEquals("ran:emptied scratch", run.result("through-interface-allowed")),
                () -> FailClosedIT.assertDenied(run.result("through-superclass"), "drop_all_rows", "default_action: deny"),
                () -> assertEquals("ran:emptied scratch", run.result("through-superclass-allowed")),
                () -> FailClosedIT.assertDenied(run.result("most-specific"), "drop_all_rows", "default_action: deny"),
                () -> assertEquals("ran:archived scratch", run.result("most-specific-allowed"),
                        "the most specific default method runs, as without the agent"),
                () -> FailClosedIT.assertDenied(run.result("class-wins"), "drop_all_rows", "default_action: deny"),
                () -> assertEquals("ran:truncated scratch", run.result("class-wins-allowed")),
                () -> FailClosedIT.assertWoven(run, "drop_all_rows (inherit.OrderRepository#deleteAll(Ljava/lang/String;)",
                        "(inherited from inherit.CrudOps)] arguments (table)"),
                () -> assertEquals("ran:emptied orders", run.result("old-class-file")),
                () -> assertTrue(run.stderr().contains("veto: WARNING: inherit.OldRepository#deleteAll is NOT governed"),
                        "the ungoverned method is named"));
    }

    /**
     * A tool annotation on an abstract method (an interface's, an abstract class's) makes nothing a tool: the
     * agent weaves methods with a body, and Java annotations are not inherited by the methods that implement
     * it. The implementation ran ungoverned and nothing said so; now the annotated method is named in a warning.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void aToolAnnotationOnAnAbstractMethodIsAWarning(String java) throws Exception {
        Run run = run(java, "abstract-tools");
        assertAll(run.toString(),
                () -> assertEquals("ran:refunded 1001", run.result("refund"), "the implementation carries no annotation"),
                () -> assertTrue(run.stderr().contains("veto: WARNING: inherit.RefundTools#refund carries @dev.veto.Tool"
                        + " but is abstract, so it is NOT governed"), "the interface's method is named"),
                () -> assertTrue(run.stderr().contains("veto: WARNING: inherit.TicketTools#close carries @dev.veto.Tool"
                        + " but is abstract, so it is NOT governed"), "the abstract class's method is named"));
    }

    /**
     * LegacyRepository inherits deleteAll from TableStore, which an entry of the same tool governs itself. The
     * subtype was also given an override with its own check, so each call through it was decided twice.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.veto.agent.it.ForkedJvm#javas")
    void aMethodGovernedWhereItIsDeclaredIsCheckedOnceUnderTheSameTool(String java) throws Exception {
        Path log = Files.createTempFile(work, "decisions", ".jsonl");
        Run run = run(java, "governed-where-declared", "log=" + log);
        List<String> decisions = Files.readAllLines(log).stream().filter(line -> line.contains("\"tool\":\"drop_all_rows\"")).toList();
        assertAll(run.toString() + "\ndecisions:\n" + String.join("\n", decisions),
                () -> assertEquals("ran:truncated scratch", run.result("subtype")),
                () -> assertEquals("ran:truncated scratch", run.result("declaring-class")),
                () -> assertEquals(2, decisions.size(), "one decision per call"));
    }

    private static Run run(String java, String scenario, String... agentArguments) throws Exception {
        List<String> classpath = new ArrayList<>(ForkedJvm.testClasspath());
        classpath.add(classes.toString());
        return ForkedJvm.on(java).classpath(classpath)
                .agent("policy=" + POLICY + (agentArguments.length == 0 ? "" : "," + String.join(",", agentArguments)))
                .run("inherit.Main", scenario);
    }
}
