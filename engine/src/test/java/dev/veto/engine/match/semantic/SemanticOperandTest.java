package dev.veto.engine.match.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.match.OperatorCompiler;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Operands a policy may not write: each is refused at load with a message that says what was expected. */
class SemanticOperandTest {

    static Stream<Arguments> badOperands() {
        return Stream.of(
                Arguments.of("path_within", List.of(), "expects a list of root directories"),
                Arguments.of("path_within", 5, "expects a list of root directories"),
                Arguments.of("path_within", Map.of("roots", List.of("/data"), "bsae", "/srv"), "unknown key 'bsae'"),
                Arguments.of("path_within", Map.of("roots", List.of("/data"), "base", "relative/dir"), "base must be an absolute"),
                Arguments.of("path_within", List.of("/data\0x"), "NUL"),
                Arguments.of("host_in", List.of("*"), "not a host pattern"),
                Arguments.of("host_in", List.of("a.*.example.com"), "only allowed as the whole first label"),
                Arguments.of("host_in", List.of("exa mple.com"), "is not a host name"),
                Arguments.of("host_in", List.of(""), "one entry is empty"),
                Arguments.of("host_not_in", Map.of("a", 1), "expects a list of host names"),
                Arguments.of("scheme_in", List.of(1), "one entry is an Integer"),
                Arguments.of("port_in", List.of(0), "ports (1..65535)"),
                Arguments.of("port_in", List.of("9000-8000"), "ports (1..65535)"),
                Arguments.of("port_in", List.of("http"), "ports (1..65535)"),
                Arguments.of("ip_private", "yes", "expects true or false"),
                Arguments.of("sql", List.of("SELECT"), "expects a map such as {allow: [SELECT]}"),
                Arguments.of("sql", Map.of("allow", List.of("SELEKT")), "unknown statement kind 'SELEKT'"),
                Arguments.of("sql", Map.of("require_where", List.of("INSERT")), "require_where accepts DELETE and UPDATE"),
                Arguments.of("sql", Map.of("max_statements", 0), "max_statements expects a positive whole number"),
                Arguments.of("sql", Map.of("alow", List.of("SELECT")), "unknown key 'alow'"),
                Arguments.of("email_domain_in", List.of("a@b.com"), "is not a host name"),
                Arguments.of("email_domain_not_in", "", "one entry is empty"),
                Arguments.of("min", "ten", "expects a finite number"),
                Arguments.of("max", Double.NaN, "expects a finite number"),
                Arguments.of("max", List.of(1), "expects a number"),
                Arguments.of("multiple_of", 0, "expects a positive number"),
                Arguments.of("multiple_of", -0.5, "expects a positive number"),
                Arguments.of("charset", "letters", "neither a named set"),
                Arguments.of("charset", "[a-z]+", "neither a named set"),
                Arguments.of("charset", "[a-z][0-9]", "neither a named set"),
                Arguments.of("charset", "[z-a]", "not a valid character class"),
                Arguments.of("charset", 7, "charset expects one of"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badOperands")
    void badOperandIsRefusedSayingWhatWasExpected(String operator, Object operand, String messagePart) {
        OperatorCompiler compiler = SemanticOperators.all().get(operator);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> compiler.compile(operand));
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void numbersInOperandsMayComeAsTheLoaderReadsThem() throws Exception {
        assertTrue(SemanticOperators.all().get("port_in").compile(List.of(443L)).matches("https://example.com/"));
        assertTrue(SemanticOperators.all().get("max").compile(new BigDecimal("200.01")).matches(200.01d));
        assertEquals(false, SemanticOperators.all().get("max").compile(new BigDecimal("200.01")).matches("200.011"));
        assertTrue(SemanticOperators.all().get("sql").compile(Map.of("allow", List.of("select"), "max_statements", 1L))
                .matches("SELECT 1"));
    }

    @Test
    void theEntryPointNamesEveryOperatorOfIssue7() {
        assertEquals(List.of("path_not_within", "path_within", "host_in", "host_not_in", "ip_private", "port_in",
                        "scheme_in", "sql", "email_domain_in", "email_domain_not_in", "max", "min", "multiple_of",
                        "charset"),
                List.copyOf(SemanticOperators.all().keySet()));
    }
}
