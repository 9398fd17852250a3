package dev.veto.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * An instrument: entry may name a nested class as Java source writes it ({@code com.acme.Billing.RefundService})
 * or as the class file does ({@code com.acme.Billing$RefundService}), as its parameter_types already may:
 * the source form used to select nothing, silently, and the method it meant ran unguarded.
 */
class NestedClassNamesTest {

    public interface Refunds {
        String refund(String order);
    }

    public static class RefundService implements Refunds {
        @Override
        public String refund(String order) {
            return "refunded " + order;
        }
    }

    private static final String OUTER = NestedClassNamesTest.class.getName();

    @ParameterizedTest
    @ValueSource(strings = {"$RefundService", ".RefundService", ".Refund*", "$Refund*", ".Refund?ervice"})
    void aNestedClassIsSelectedByEitherSpelling(String suffix) throws IOException {
        ToolMethods methods = new ToolMethods(List.of(new InstrumentRule(OUTER + suffix, null, "refund", null, "refund", null)));

        assertTrue(methods.mightBeInstrumented(RefundService.class.getName()));
        assertBound(methods);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$Refunds", ".Refunds"})
    void aNestedInterfaceIsSelectedByEitherSpelling(String suffix) throws IOException {
        assertBound(new ToolMethods(List.of(new InstrumentRule(null, OUTER + suffix, "refund", null, "refund", null))));
    }

    @Test
    void anotherClassIsStillNotSelected() throws IOException {
        ToolMethods methods = new ToolMethods(List.of(new InstrumentRule(OUTER + ".Other", null, "refund", null, "refund", null)));

        ClassShape type = ClassShape.of(classFile(RefundService.class));
        MethodShape refund = type.methods().stream().filter(m -> m.name().equals("refund")).findFirst().orElseThrow();
        assertNull(methods.bindingFor(type, refund, TypeHierarchy.of(getClass().getClassLoader())));
    }

    private void assertBound(ToolMethods methods) throws IOException {
        ClassShape type = ClassShape.of(classFile(RefundService.class));
        MethodShape refund = type.methods().stream().filter(m -> m.name().equals("refund")).findFirst().orElseThrow();
        ToolBinding binding = methods.bindingFor(type, refund, TypeHierarchy.of(getClass().getClassLoader()));
        assertNotNull(binding, "selected");
        assertEquals("refund", binding.tool());
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
