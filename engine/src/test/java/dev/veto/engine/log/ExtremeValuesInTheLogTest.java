package dev.veto.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arguments at the edges of what JSON and Jackson take: each decision still gets its line, and the line
 * still verifies. A number such as {@code 1E+10000} cannot be written plain, and numbers of more than
 * 1,000 digits or texts of more than 20 M characters are refused by Jackson's reader by default: such a
 * line used to be dropped from the log (the first) or to look tampered with (the others).
 */
class ExtremeValuesInTheLogTest {

    @TempDir
    Path dir;

    @Test
    void everyDecisionIsLoggedAndVerifiesWhateverItsNumbers() throws IOException {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("huge_exponent", new BigDecimal("1E+10000"));
        arguments.put("negative_huge_exponent", new BigDecimal("-1E+999999999"));
        arguments.put("tiny", new BigDecimal("1E-5000"));
        arguments.put("many_digits", BigInteger.TEN.pow(1_500));
        arguments.put("largest_double", Double.MAX_VALUE);
        arguments.put("smallest_double", Double.MIN_VALUE);
        arguments.put("ordinary", new BigDecimal("200.50"));
        Path file = dir.resolve("decisions.jsonl");
        ByteArrayOutputStream problems = new ByteArrayOutputStream();
        try (JsonlDecisionLog log = JsonlDecisionLog.open(file, 16, new PrintStream(problems, true, StandardCharsets.UTF_8))) {
            log.append(Records.decision("d-1", arguments));
            log.append(Records.decision("d-2", Map.of("amount", 5)));
        }
        assertEquals("", problems.toString(StandardCharsets.UTF_8), "the writer reported a problem");
        List<String> lines = LogFiles.lines(file);
        assertEquals(2, lines.size(), "a line is missing");
        ChainVerification verification = DecisionLogVerifier.verify(file);
        assertTrue(verification.ok(), verification.message());

        JsonNode logged = JsonTreeReader.read(lines.get(0)).get("arguments");
        assertEquals("1E+10000", logged.get("huge_exponent").textValue());
        assertEquals("-1E+999999999", logged.get("negative_huge_exponent").textValue());
        assertEquals("1E-5000", logged.get("tiny").textValue());
        assertEquals(BigInteger.TEN.pow(1_500).toString(), logged.get("many_digits").textValue());
        // plain: the same value, read back with scale 0 where it had a negative scale
        assertEquals(0, new BigDecimal(Double.toString(Double.MAX_VALUE)).compareTo(logged.get("largest_double").decimalValue()));
        assertEquals(0, new BigDecimal(Double.toString(Double.MIN_VALUE)).compareTo(logged.get("smallest_double").decimalValue()));
        assertEquals(new BigDecimal("200.50"), logged.get("ordinary").decimalValue());
    }

    /** Numbers up to the reader's limit stay numbers, and the first past it becomes text. */
    @Test
    void theLimitIsTheReadersLimit() throws IOException {
        BigDecimal longest = new BigDecimal("9".repeat(JsonValues.MAX_NUMBER_DIGITS - 3) + ".5");
        BigDecimal tooLong = new BigDecimal("9".repeat(JsonValues.MAX_NUMBER_DIGITS) + ".5");
        assertTrue(JsonValues.of(longest).isBigDecimal());
        assertTrue(JsonValues.of(tooLong).isTextual());
        assertEquals(longest, JsonTreeReader.read(CanonicalJson.write(JsonValues.of(longest))).decimalValue());
    }

    @Test
    void thePlainLengthIsComputedWithoutWritingIt() {
        Random random = new Random(20261126L);
        for (int i = 0; i < 20_000; i++) {
            // zero and small numbers too (the shift), with negative, zero and positive scales
            BigDecimal decimal = new BigDecimal(BigInteger.valueOf(random.nextLong()).shiftRight(random.nextInt(66)),
                    random.nextInt(120) - 60);
            assertEquals(decimal.toPlainString().length(), JsonValues.plainLength(decimal), decimal.toString());
        }
    }

    @Test
    void aTextLongerThanJacksonsDefaultLimitVerifies() throws IOException {
        Path file = dir.resolve("long.jsonl");
        try (JsonlDecisionLog log = JsonlDecisionLog.open(file, 16, new PrintStream(new ByteArrayOutputStream()))) {
            log.append(Records.decision("d-1", Map.of("note", "x".repeat(20_000_001), "k".repeat(60_000), 1)));
        }
        ChainVerification verification = DecisionLogVerifier.verify(file);
        assertTrue(verification.ok(), verification.message());
        assertEquals(1, verification.linesChecked());
    }
}
