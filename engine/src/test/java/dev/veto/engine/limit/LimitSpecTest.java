package dev.veto.engine.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitSpecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "20/hour      | 20   | PT1H",
            "5000/day     | 5000 | PT24H",
            "2.5/second   | 2.5  | PT1S",
            "1/minute     | 1    | PT1M",
            "3/minutes    | 3    | PT1M",
            "10/seconds   | 10   | PT1S",
            "7/hours      | 7    | PT1H",
            "2/days       | 2    | PT24H",
            "' 20 / Hour '| 20   | PT1H",
    })
    void readsAnAmountPerUnit(String text, String amount, String window) {
        LimitSpec spec = LimitSpec.parse(text);
        assertEquals(new BigDecimal(amount), spec.amount());
        assertEquals(Duration.parse(window), spec.window());
    }

    @Test
    void keepsTheAmountExactly() {
        assertEquals("5000.05", LimitSpec.parse("5000.05/day").amount().toPlainString());
        assertEquals("5000.05/day", LimitSpec.parse("5000.05/day").toString());
    }

    @Test
    void namesAnUnknownUnitAndTheUnitsItKnows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitSpec.parse("20/hr"));
        assertEquals("limit \"20/hr\": unknown unit \"hr\", expected one of second, minute, hour, day", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "20          | no \"/\"",
            "/hour       | amount \"\" is not a number",
            "abc/hour    | amount \"abc\" is not a number",
            "-5/hour     | amount \"-5\" is not a number",
            "1e3/hour    | amount \"1e3\" is not a number",
            "'5,000/day' | amount \"5,000\" is not a number",
            "0/hour      | amount is 0",
            "0.000/hour  | amount is 0",
            "20/         | unknown unit \"\"",
            "20/week     | unknown unit \"week\"",
            "20/hour/day | unknown unit \"hour/day\"",
    })
    void refusesBadTextSayingWhatIsWrong(String text, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitSpec.parse(text));
        assertEquals(true, e.getMessage().startsWith("limit \"" + text + "\": " + what + ", expected "),
                e.getMessage());
    }

    @Test
    void refusesAMissingText() {
        assertThrows(IllegalArgumentException.class, () -> LimitSpec.parse(null));
    }

    @Test
    void aRateLimitCountsWholeCalls() {
        assertEquals(20, LimitSpec.parse("20/hour").wholeAmount());
        assertEquals(20, LimitSpec.parse("20.0/hour").wholeAmount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LimitSpec.parse("2.5/second").wholeAmount());
        assertEquals("limit \"2.5/second\": amount 2.5 is not a whole number of calls, expected a whole number such as 20/hour",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LimitSpec.parse("99999999999999999999/day").wholeAmount());
    }
}
