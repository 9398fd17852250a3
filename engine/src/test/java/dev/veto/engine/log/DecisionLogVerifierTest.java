package dev.veto.engine.log;

import static dev.veto.engine.log.LogFiles.lines;
import static dev.veto.engine.log.LogFiles.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any change to a past line is found, at the first line where the chain breaks. */
class DecisionLogVerifierTest {

    @TempDir
    Path dir;

    private Path file;
    private List<String> original;

    @BeforeEach
    void writeTenLines() throws IOException {
        file = dir.resolve("decisions.jsonl");
        try (JsonlDecisionLog log = JsonlDecisionLog.open(file, 16, new PrintStream(new ByteArrayOutputStream()))) {
            for (int i = 1; i <= 10; i++) {
                log.append(Records.decision("d-" + i, Map.of("amount", new BigDecimal(i + "00.50"))));
            }
        }
        original = lines(file);
    }

    @Test
    void anIntactLogVerifies() throws IOException {
        ChainVerification result = DecisionLogVerifier.verify(file);
        assertEquals(new ChainVerification(true, 10, 0, "10 lines, chain intact",
                parse(original.get(9)).get("hash").asText()), result);
    }

    @Test
    void editingAFieldBreaksThatLine() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.set(4, lines.get(4).replace("\"action\":\"allow\"", "\"action\":\"deny\""));
        assertBrokenAt(lines, 5, "does not match its hash");
    }

    @Test
    void editingANestedNumberBreaksThatLine() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.set(6, lines.get(6).replace("700.50", "7.50"));
        assertBrokenAt(lines, 7, "does not match its hash");
    }

    /** A number the writer never writes (its plain form is too long) is an edit, reported as one, not a crash. */
    @Test
    void editingInANumberTooLongToWritePlainBreaksThatLine() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.set(6, lines.get(6).replace("700.50", "1e999999999"));
        assertBrokenAt(lines, 7, "does not match its hash");
    }

    @Test
    void editingALineAndRecomputingItsHashBreaksTheNextLine() throws IOException {
        List<String> lines = new ArrayList<>(original);
        ObjectNode forged = parse(lines.get(2));
        ((ObjectNode) forged.get("arguments")).put("amount", new BigDecimal("1.00"));
        forged.put("hash", new ChainHash().recompute(forged));
        lines.set(2, ReferenceMapper.MAPPER.writeValueAsString(forged));
        assertBrokenAt(lines, 4, "does not follow the line before it");
    }

    @Test
    void deletingALineBreaksTheLineAfterIt() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.remove(5);
        assertBrokenAt(lines, 6, "does not follow the line before it");
    }

    @Test
    void deletingTheFirstLineBreaksTheNewFirstLine() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.remove(0);
        assertBrokenAt(lines, 1, "should start the chain");
    }

    @Test
    void reorderingLinesBreaksTheFirstMovedLine() throws IOException {
        List<String> lines = new ArrayList<>(original);
        Collections.swap(lines, 3, 4);
        assertBrokenAt(lines, 4, "does not follow the line before it");
    }

    @Test
    void insertingACopiedLineBreaksAtTheCopy() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.add(3, lines.get(2));
        assertBrokenAt(lines, 4, "does not follow the line before it");
    }

    @Test
    void truncatingMidLineBreaksTheCutLine() throws IOException {
        byte[] whole = Files.readAllBytes(file);
        int endOfLine8 = String.join("\n", original.subList(0, 8)).getBytes(StandardCharsets.UTF_8).length + 1;
        Files.write(file, Arrays.copyOf(whole, endOfLine8 + 30));
        ChainVerification result = DecisionLogVerifier.verify(file);
        assertFalse(result.ok());
        assertEquals(9, result.firstBadLine(), result.message());
        assertEquals(8, result.linesChecked());
    }

    @Test
    void aCutThatLeavesValidJsonIsStillFoundByTheMissingLineEnd() throws IOException {
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 1)); // only the last line end is gone
        ChainVerification result = DecisionLogVerifier.verify(file);
        assertEquals(10, result.firstBadLine(), result.message());
        assertTrue(result.message().contains("cut off"));
    }

    @Test
    void droppingWholeLinesFromTheEndShowsOnlyAsADifferentHead() throws IOException {
        // No chain can show by itself that its newest lines were removed; the head hash, kept elsewhere, can.
        String headBefore = DecisionLogVerifier.verify(file).lastHash();
        LogFiles.write(file, original.subList(0, 7));
        ChainVerification result = DecisionLogVerifier.verify(file);
        assertTrue(result.ok());
        assertEquals(7, result.linesChecked());
        assertNotEquals(headBefore, result.lastHash());
    }

    @Test
    void aDuplicatedKeyThatAFirstWinsReaderWouldBelieveIsRefused() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.set(1, lines.get(1).replace("{\"time\"", "{\"action\":\"deny\",\"time\""));
        assertBrokenAt(lines, 2, "is not valid JSON");
    }

    @Test
    void textAfterTheObjectIsRefused() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.set(1, lines.get(1) + " {\"action\":\"deny\"}");
        assertBrokenAt(lines, 2, "is not valid JSON");
    }

    @Test
    void blankAndForeignLinesAreRefused() throws IOException {
        List<String> lines = new ArrayList<>(original);
        lines.add(2, "");
        assertBrokenAt(lines, 3, "is empty");
        lines = new ArrayList<>(original);
        lines.add(0, "[1,2]");
        assertBrokenAt(lines, 1, "is not a JSON object");
    }

    @Test
    void anEmptyLogVerifies() throws IOException {
        Files.write(file, new byte[0]);
        ChainVerification result = DecisionLogVerifier.verify(file);
        assertTrue(result.ok());
        assertEquals(0, result.linesChecked());
    }

    private void assertBrokenAt(List<String> lines, int expectedLine, String expectedProblem) throws IOException {
        LogFiles.write(file, lines);
        ChainVerification result = DecisionLogVerifier.verify(file);
        assertFalse(result.ok(), "tampering went unnoticed");
        assertEquals(expectedLine, result.firstBadLine(), result.message());
        assertEquals(expectedLine - 1, result.linesChecked());
        assertTrue(result.message().startsWith("line " + expectedLine + " ") && result.message().contains(expectedProblem),
                result.message());
    }
}
