package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliJsonTest {

    @Test
    void decimalsKeepTheirExactWrittenValue() throws Exception {
        Map<String, Object> args = CliJson.object("{\"amount\": 200.000000000000000001}", "--args");
        BigDecimal amount = assertInstanceOf(BigDecimal.class, args.get("amount"));
        assertEquals(new BigDecimal("200.000000000000000001"), amount);
        assertTrue(amount.compareTo(new BigDecimal(200)) > 0, "a double would have rounded it to 200");
    }

    @Test
    void integersBeyondLongStayExact() throws Exception {
        Map<String, Object> args = CliJson.object("{\"n\": 123456789012345678901234567890, \"l\": [1]}", "--args");
        assertEquals(new BigInteger("123456789012345678901234567890"), args.get("n"));
        assertEquals(List.of(BigInteger.ONE), args.get("l"));
    }

    @Test
    void notJsonSaysHowToQuoteItInTheShell() {
        UsageException e = assertThrows(UsageException.class, () -> CliJson.object("{amount: 1}", "--args"));
        assertTrue(e.getMessage().startsWith("--args: not valid JSON ("), e.getMessage());
        assertTrue(e.getMessage().contains("--args '{\"amount\": 150}'"), e.getMessage());
    }

    @Test
    void anArrayOrValueIsNotAnObject() {
        assertEquals("--context: expected a JSON object such as {\"amount\": 150}, got an array",
                assertThrows(UsageException.class, () -> CliJson.object("[1]", "--context")).getMessage());
        assertEquals("--context: expected a JSON object such as {\"amount\": 150}, got a single value",
                assertThrows(UsageException.class, () -> CliJson.object("5", "--context")).getMessage());
    }

    @Test
    void trailingTextDuplicateKeysAndNaNAreRefused() {
        assertThrows(UsageException.class, () -> CliJson.object("{\"a\": 1} {\"b\": 2}", "x"));
        assertThrows(UsageException.class, () -> CliJson.object("{\"a\": 1, \"a\": 2}", "x"));
        assertThrows(UsageException.class, () -> CliJson.object("{\"a\": NaN}", "x"));
        assertThrows(UsageException.class, () -> CliJson.object("  ", "x"));
    }
}
