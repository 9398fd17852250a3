package dev.veto.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An instrument: entry that names a class exactly but selects none of its methods governs nothing there,
 * and used to say nothing: the method inherited from a superclass (the common case: the concrete class is
 * named, the method lives in its base class), misspelt, or with parameter_types that fit no overload ran
 * unguarded without a word. The weaver now warns when it meets such a class.
 */
class InstrumentSelectsNothingTest {

    public static class JdbcBase {
        public String deleteAll(String table) {
            return "emptied " + table;
        }
    }

    public static class OrderRepository extends JdbcBase {
        public String archive(String table) {
            return "archived " + table;
        }
    }

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String weave(Class<?> type, InstrumentRule rule) throws IOException {
        ToolWeaver weaver = new ToolWeaver(new ToolMethods(List.of(rule)), new ToolSites(),
                new WeaveReport(new PrintStream(err, true, StandardCharsets.UTF_8), false));
        weaver.weave(classFile(type), getClass().getClassLoader());
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anInheritedMethodIsAWarning() throws IOException {
        String repository = OrderRepository.class.getName();
        String out = weave(OrderRepository.class, new InstrumentRule(repository, null, "deleteAll", null, "drop_all_rows", null));

        assertTrue(out.startsWith("veto: WARNING: the instrument: entry for " + repository + "#deleteAll governs nothing: "
                + repository + " declares no such method with a body (is it inherited from a superclass"), out);
    }

    @Test
    void aMisspeltMethodOrParameterTypesAreAWarning() throws IOException {
        String repository = OrderRepository.class.getName();
        assertTrue(weave(OrderRepository.class, new InstrumentRule(repository, null, "archve", null, "archive", null))
                .contains("#archve governs nothing"));
        assertTrue(weave(OrderRepository.class, new InstrumentRule(repository, null, "archive", List.of("long"), "archive", null))
                .contains("#archive [long] governs nothing"));
    }

    @Test
    void anEntryThatSelectsAMethodSaysNothing() throws IOException {
        String repository = OrderRepository.class.getName();
        assertEquals("", weave(OrderRepository.class, new InstrumentRule(repository, null, "archive", null, "archive", null)));
        assertEquals("", weave(OrderRepository.class, new InstrumentRule(null, JdbcBase.class.getName(), "deleteAll", null, "drop", null)),
                "subtypes_of selects subclasses that rightly inherit the woven method");
        assertNull(new ToolWeaver(new ToolMethods(List.of()), new ToolSites(), new WeaveReport(System.err, false))
                .weave(classFile(OrderRepository.class), getClass().getClassLoader()));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
