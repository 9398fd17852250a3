package dev.veto.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Integers against whole-number literals are compared as longs, without BigDecimal: the answers must be
 * the exact ones at every edge (scale, long's range, fractions, other kinds of value).
 */
class WholeNumberComparisonTest {

    private static int compare(String literal, Object value) throws EvaluationException {
        return Integer.signum(Literal.number(new BigDecimal(literal)).compareNumber(value));
    }

    @Test
    void wholeLiteralsInAnyScaleCompareAsTheirValue() throws EvaluationException {
        assertEquals(0, compare("200", 200));
        assertEquals(0, compare("200.00", 200));
        assertEquals(0, compare("2E+2", 200L));
        assertEquals(1, compare("200", 201));
        assertEquals(-1, compare("200", (short) 199));
        assertEquals(-1, compare("-0", (byte) -1));
    }

    @Test
    void fractionsAndNumbersBeyondALongStayExact() throws EvaluationException {
        assertEquals(-1, compare("200.000000000000000001", 200));
        assertEquals(1, compare("199.999999999999999999", 200));
        assertEquals(-1, compare("9223372036854775808", Long.MAX_VALUE));
        assertEquals(1, compare("-9223372036854775809", Long.MIN_VALUE));
        assertEquals(0, compare("-9223372036854775808", Long.MIN_VALUE));
        assertEquals(-1, compare("1E+30", Long.MAX_VALUE));
        assertEquals(-1, compare("1E-30", 0));
    }

    @Test
    void otherValuesAreReadAsBeforeAndNonNumbersFail() throws EvaluationException {
        assertEquals(0, compare("200", 200.0d));
        assertEquals(0, compare("200", "200.0"));
        assertEquals(1, compare("200", new BigDecimal("200.01")));
        assertThrows(EvaluationException.class, () -> compare("200", "lots"));
        assertThrows(EvaluationException.class, () -> compare("200", null));
    }

    @Test
    void comparisonStringsUseIt() throws EvaluationException {
        assertTrue(Comparison.parse("<= 200").matches(200));
        assertFalse(Comparison.parse("<= 200").matches(201L));
        assertTrue(Comparison.parse("!= 7").matches(8));
        assertTrue(Comparison.parse("== 7.0").matches(7));
        assertFalse(Comparison.parse("== 7.5").matches(7));
    }
}
