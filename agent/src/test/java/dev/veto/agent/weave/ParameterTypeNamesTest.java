package dev.veto.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An instrument: entry's parameter_types picks one overload. Written with simple names, as Java source
 * writes them ({@code [String, BigDecimal]}), it used to select nothing, silently (policy check: valid,
 * scan: 0 tools), so the method it meant ran unguarded. A simple name now matches the class of that
 * simple name in any package; qualified names still must match exactly.
 */
class ParameterTypeNamesTest {

    public static class Refunds {
        public String refund(String order, BigDecimal amount) {
            return "refunded";
        }

        public String refund(String order, long cents) {
            return "refunded";
        }

        public String refund(String[] orders, int[] cents) {
            return "refunded";
        }

        public String refund(long cents, String... orders) {
            return "refunded";
        }

        public String refund(Object order) {
            return "refunded";
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "java.lang.String, java.math.BigDecimal| (Ljava/lang/String;Ljava/math/BigDecimal;)",
        "String, BigDecimal|                     (Ljava/lang/String;Ljava/math/BigDecimal;)",
        "String, java.math.BigDecimal|           (Ljava/lang/String;Ljava/math/BigDecimal;)",
        "String, long|                           (Ljava/lang/String;J)",
        "String[], int[]|                        ([Ljava/lang/String;[I)",
        "java.lang.String[], int[]|              ([Ljava/lang/String;[I)",
        "Object|                                 (Ljava/lang/Object;)",
        "long, String...|                        (J[Ljava/lang/String;)",
        "long, java.lang.String...|              (J[Ljava/lang/String;)",
        "long, String[]|                         (J[Ljava/lang/String;)",
        "com.acme.String, long|                  ''",
        "Strin, long|                            ''",
    })
    void parameterTypesPickTheOverloadTheyName(String types, String selected) throws IOException {
        List<String> parameterTypes = List.of(types.split("\\s*,\\s*"));
        ToolMethods methods = new ToolMethods(List.of(
                new InstrumentRule(Refunds.class.getName(), null, "refund", parameterTypes, "refund", null)));

        ClassShape type = ClassShape.of(classFile(Refunds.class));
        TreeSet<String> bound = new TreeSet<>();
        for (MethodShape method : type.methods()) {
            if (methods.bindingFor(type, method, TypeHierarchy.of(getClass().getClassLoader())) != null) {
                bound.add(method.descriptor().substring(0, method.descriptor().indexOf(')') + 1));
            }
        }
        assertEquals(selected, String.join(" ", bound));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
