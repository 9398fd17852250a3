package dev.veto.engine.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a decision log's hash chain line by line and reports the first line where it breaks: an edited
 * line no longer matches its own hash; a deleted, inserted or reordered line no longer names the line
 * before it as its {@code prev}; a line cut off mid-way is no longer JSON or no longer matches its hash.
 *
 * <p>A {@code chain_restart} line (written when a log with a damaged tail was reopened) is not accepted as a
 * fresh start: the damage before it is what the verifier reports.
 */
public final class DecisionLogVerifier {

    private DecisionLogVerifier() {
    }

    public static ChainVerification verify(Path file) throws IOException {
        ChainHash chain = new ChainHash();
        String expectedPrev = ChainHash.GENESIS;
        long lineNumber = 0;
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String text;
            while (true) {
                try {
                    text = reader.readLine();
                } catch (CharacterCodingException e) {
                    return broken(lineNumber + 1, "is not valid UTF-8", expectedPrev);
                }
                if (text == null) {
                    break;
                }
                lineNumber++;
                LineCheck check = check(text, expectedPrev, chain);
                if (check.problem() != null) {
                    return broken(lineNumber, check.problem(), expectedPrev);
                }
                expectedPrev = check.hash();
            }
        }
        if (lineNumber > 0 && !ChainTail.endsWithLineEnd(file)) {
            return broken(lineNumber, "is cut off (the file does not end with a line end)", expectedPrev);
        }
        String message = lineNumber == 0 ? "the log is empty" : lineNumber + " lines, chain intact";
        return new ChainVerification(true, lineNumber, 0, message, expectedPrev);
    }

    /** One line's verdict: its hash when intact, else what is wrong with it. */
    private record LineCheck(String hash, String problem) {
        static LineCheck bad(String problem) {
            return new LineCheck(null, problem);
        }
    }

    private static LineCheck check(String text, String expectedPrev, ChainHash chain) {
        if (text.isBlank()) {
            return LineCheck.bad("is empty");
        }
        JsonNode parsed;
        try {
            parsed = JsonTreeReader.read(text);
        } catch (IOException e) {
            return LineCheck.bad("is not valid JSON (cut off or edited)");
        }
        if (!(parsed instanceof ObjectNode line)) {
            return LineCheck.bad("is not a JSON object");
        }
        String prev = line.path(ChainHash.PREV).asText(null);
        String hash = line.path(ChainHash.HASH).asText(null);
        if (!line.path(ChainHash.PREV).isTextual() || !ChainHash.looksLikeHash(prev)) {
            return LineCheck.bad("has no valid \"prev\" field (expected 64 lower-case hex digits)");
        }
        if (!line.path(ChainHash.HASH).isTextual() || !ChainHash.looksLikeHash(hash)) {
            return LineCheck.bad("has no valid \"hash\" field (expected 64 lower-case hex digits)");
        }
        if (!prev.equals(expectedPrev)) {
            return LineCheck.bad(expectedPrev.equals(ChainHash.GENESIS)
                    ? "should start the chain (prev of 64 zeros) but names another line as its prev: lines before it were deleted"
                    : "does not follow the line before it (its prev is not that line's hash): a line was deleted, inserted or moved here");
        }
        if (!hash.equals(chain.recompute(line))) {
            return LineCheck.bad("does not match its hash: its content was changed");
        }
        return new LineCheck(hash, null);
    }

    private static ChainVerification broken(long lineNumber, String problem, String lastGoodHash) {
        return new ChainVerification(false, lineNumber - 1, lineNumber, "line " + lineNumber + " " + problem,
                lastGoodHash);
    }
}
