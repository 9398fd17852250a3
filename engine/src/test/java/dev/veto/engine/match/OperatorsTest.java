package dev.veto.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator registry: every name a load error lists is one the loader can find, and only those. */
class OperatorsTest {

    @Test
    void everyListedNameIsFound() {
        Operators standard = Operators.standard();
        assertEquals(22, standard.names().size());
        for (String name : standard.names()) {
            assertNotNull(standard.find(name), name);
        }
        assertNull(standard.find("regexp"));
        assertNull(standard.find(""));
    }

    @Test
    void theCoreOperatorsAreListedInOrderAndCompile() throws EvaluationException {
        assertEquals(List.of("in", "not_in", "regex", "contains", "starts_with", "ends_with", "exists", "max_length"),
                List.copyOf(CoreOperators.all().keySet()));
        ValueMatcher endsWith = Operators.standard().find("ends_with").compile("@acme.example");
        assertTrue(endsWith.matches("ann@acme.example"));
        assertFalse(endsWith.matches("ann@customer.example"));
        ValueMatcher notIn = Operators.standard().find("not_in").compile(List.of("a", "b"));
        assertFalse(notIn.matches("a"));
        assertTrue(notIn.matches("c"));
    }

    @Test
    void anAddedOperatorIsFoundAndListedAndReplacesAStandardOne() {
        OperatorCompiler always = operand -> value -> true;
        Operators extended = Operators.standard().with("always", always).with("regex", always);
        assertEquals(always, extended.find("always"));
        assertEquals(always, extended.find("regex"));
        assertTrue(extended.names().contains("always"));
        assertFalse(Operators.standard().names().contains("always"));
        assertNull(Operators.standard().find("always"));
    }
}
