package dev.veto.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.ToolDeniedException;
import dev.veto.bootstrap.VetoBridge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code subtypes_of} entry selects every subtype's method, also one the subtype inherits from a
 * superclass the entry does not select. Such a method used to be woven nowhere: {@code deleteAll} on an
 * {@code ArchiveRepository} ran ungoverned, without a word. The subtype now gets an override that carries
 * the check and calls the inherited method; the base class itself stays as it was.
 */
class InheritedToolMethodsTest {

    @Retention(RetentionPolicy.RUNTIME)
    public @interface Transactional {
        String value();
    }

    public interface Repository {
        String deleteAll(String table);
    }

    public static class BaseStore {
        public static int bodies;

        @Transactional("writes")
        public String deleteAll(String table) {
            bodies++;
            return "emptied " + table;
        }

        public final String purge(String table) {
            return "purged " + table;
        }

        public long count(long shards, int[] weights) {
            return shards * weights.length;
        }
    }

    public static class ArchiveRepository extends BaseStore implements Repository {
    }

    /** A base class whose method is a tool of its own (so it is woven where it is declared). */
    public static class ExportBase {
        @dev.veto.Tool(name = "export")
        @Transactional("reads")
        public String exportAll(String table) {
            return "exported " + table;
        }
    }

    public static class ArchiveExports extends ExportBase implements Repository {
        @Override
        public String deleteAll(String table) {
            return "emptied " + table;
        }
    }

    private final List<String> checked = new ArrayList<>();
    private final ToolSites sites = new ToolSites();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private boolean deny;

    @BeforeEach
    void installGate() {
        BaseStore.bodies = 0;
        VetoBridge.install((site, arguments) -> {
            checked.add(sites.get(site).tool() + Arrays.toString(arguments));
            if (deny) {
                throw new ToolDeniedException(sites.get(site).tool(), "deny", "no", null, null);
            }
        });
    }

    @AfterEach
    void removeGate() {
        VetoBridge.install(null);
    }

    @Test
    void anInheritedMethodIsGovernedThroughAnOverrideInTheSubtype() throws Exception {
        Class<?> archive = wovenSubtype(rule("deleteAll", "drop_all_rows"));
        Object repository = archive.getConstructor().newInstance();
        Method deleteAll = archive.getMethod("deleteAll", String.class);

        assertEquals("emptied orders", deleteAll.invoke(repository, "orders"));
        assertEquals(List.of("drop_all_rows[orders]"), checked);
        deny = true;
        InvocationTargetException denied = assertThrows(InvocationTargetException.class,
                () -> deleteAll.invoke(repository, "orders"));
        assertEquals(ToolDeniedException.class, denied.getCause().getClass());
        assertEquals(1, BaseStore.bodies, "the denied call's body ran");

        assertEquals(archive, deleteAll.getDeclaringClass(), "the override is the subtype's own");
        assertEquals("writes", deleteAll.getAnnotation(Transactional.class).value(),
                "frameworks that look for annotations on the most specific method still find them");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theOverrideCarriesNoToolAnnotation() throws Exception {
        // A framework that reads a class's own methods for tools (LangChain4j, Spring AI) would see the copied
        // @Tool on the subtype and offer the model a tool it did not offer before; other annotations stay.
        Class<?> archive = wovenSubtype(ArchiveExports.class, rule("exportAll", "export_rows"));
        Method exportAll = archive.getDeclaredMethod("exportAll", String.class);
        assertNull(exportAll.getAnnotation(dev.veto.Tool.class), "the tool annotation was copied to the override");
        assertEquals("reads", exportAll.getAnnotation(Transactional.class).value());
        assertEquals("exported orders", exportAll.invoke(archive.getConstructor().newInstance(), "orders"));
        assertEquals(List.of("export_rows[orders]"), checked);
    }

    @Test
    void primitivesAndArraysPassThroughTheOverride() throws Exception {
        Class<?> archive = wovenSubtype(rule("count", "count_rows"));
        Object result = archive.getMethod("count", long.class, int[].class)
                .invoke(archive.getConstructor().newInstance(), 3L, new int[] {1, 2});
        assertEquals(6L, result);
        assertEquals(1, checked.size());
        assertTrue(checked.get(0).startsWith("count_rows[3, [I@"), checked.get(0));
    }

    @Test
    void aFinalInheritedMethodOrAClassAlreadyLoadedIsAWarningNotSilence() throws Exception {
        assertNull(weave(rule("purge", "purge"), null), "nothing can be woven for a final method");
        String finalWarning = err.toString(StandardCharsets.UTF_8);
        assertTrue(finalWarning.startsWith("veto: WARNING: " + ArchiveRepository.class.getName() + "#purge is NOT governed")
                && finalWarning.contains("it is final in " + BaseStore.class.getName())
                && finalWarning.contains("add an entry with class: " + BaseStore.class.getName()), finalWarning);

        err.reset();
        // the test's own ArchiveRepository was loaded without the agent: as when the agent attaches later
        assertNull(weave(rule("deleteAll", "drop_all_rows"), ArchiveRepository.class), "a loaded class cannot gain a method");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("#deleteAll is NOT governed")
                && err.toString(StandardCharsets.UTF_8).contains("already loaded when the agent attached"), err.toString());
    }

    @Test
    void aClassGivenAnOverrideWhenLoadedKeepsItWhenRetransformed() throws Exception {
        // another agent (a profiler, a mocking library) may retransform the class: the JVM refuses a
        // retransformation that drops a method, so the override must come back, and still be checked
        Class<?> archive = wovenSubtype(rule("deleteAll", "drop_all_rows"));
        byte[] again = weave(rule("deleteAll", "drop_all_rows"), archive);
        assertNotNull(again);
        Class<?> reloaded = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(ArchiveRepository.class.getName(), again, 0, again.length);
            }
        }.define();
        reloaded.getMethod("deleteAll", String.class).invoke(reloaded.getConstructor().newInstance(), "orders");
        assertEquals(List.of("drop_all_rows[orders]"), checked);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theBaseClassAndASubtypeOfASelectedClassGetNoOverride() throws Exception {
        ToolWeaver weaver = weaver(rule("deleteAll", "drop_all_rows"));
        assertNull(weaver.weave(classFile(BaseStore.class), getClass().getClassLoader()),
                "BaseStore is not a Repository: its own callers are not governed");
        InstrumentRule byBase = new InstrumentRule(null, BaseStore.class.getName(), "deleteAll", null, "drop", null);
        assertNull(weaver(byBase).weave(classFile(ArchiveRepository.class), getClass().getClassLoader()),
                "the selected BaseStore carries the check itself");
        assertNotNull(weaver(byBase).weave(classFile(BaseStore.class), getClass().getClassLoader()));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    private static InstrumentRule rule(String method, String tool) {
        return new InstrumentRule(null, Repository.class.getName(), method, null, tool, null);
    }

    private ToolWeaver weaver(InstrumentRule rule) {
        return new ToolWeaver(new ToolMethods(List.of(rule)), sites,
                new WeaveReport(new PrintStream(err, true, StandardCharsets.UTF_8), false));
    }

    private byte[] weave(InstrumentRule rule, Class<?> redefined) throws IOException {
        return weaver(rule).weave(classFile(ArchiveRepository.class), getClass().getClassLoader(), redefined);
    }

    /** The subtype woven as it is first loaded, and defined in a loader of its own, over the test's BaseStore. */
    private Class<?> wovenSubtype(InstrumentRule rule) throws IOException {
        return wovenSubtype(ArchiveRepository.class, rule);
    }

    private Class<?> wovenSubtype(Class<?> subtype, InstrumentRule rule) throws IOException {
        byte[] woven = weaver(rule).weave(classFile(subtype), getClass().getClassLoader(), null);
        assertNotNull(woven, err.toString(StandardCharsets.UTF_8));
        return new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(subtype.getName(), woven, 0, woven.length);
            }
        }.define();
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
