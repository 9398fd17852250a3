package dev.veto.engine.match.semantic;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.ValueMatcher;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits that keep a hostile value from costing more than a call may: each is an evaluation error. */
class SemanticLimitsTest {

    private final ValueMatcher selectOnly = SemanticOperators.all().get("sql").compile(Map.of("allow", List.of("SELECT")));

    @Test
    void sqlThatTakesTooLongToParseIsRefused() {
        String longQuery = "SELECT * FROM t WHERE " + "a = 1 AND ".repeat(3000) + "1 = 1";
        EvaluationException e = assertThrows(EvaluationException.class, () -> SqlParsing.parse(longQuery, 1));
        assertTrue(e.getMessage().contains("longer than 1 ms"), e.getMessage());
    }

    @Test
    void sqlNestedDeeperThanAHundredParenthesesIsRefusedBeforeParsing() {
        String nested = "SELECT " + "(".repeat(101) + "1" + ")".repeat(101);
        EvaluationException e = assertThrows(EvaluationException.class, () -> selectOnly.matches(nested));
        assertTrue(e.getMessage().contains("deeper than 100"), e.getMessage());
    }

    @Test
    void sqlLongerThanTheLimitIsRefused() {
        String huge = "SELECT '" + "x".repeat(SqlParsing.MAX_LENGTH) + "'";
        EvaluationException e = assertThrows(EvaluationException.class, () -> selectOnly.matches(huge));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void aUrlLongerThan8192CharactersIsRefused() {
        ValueMatcher hostIn = SemanticOperators.all().get("host_in").compile(List.of("example.com"));
        String url = "https://example.com/" + "a".repeat(8192);
        assertThrows(EvaluationException.class, () -> hostIn.matches(url));
    }

    @Test
    void aPathOnAnotherFileSystemIsRefused(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("archive.zip");
        try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path inside = zipFs.getPath("/data/reports/q1.csv");
            Files.createDirectories(inside.getParent());
            ValueMatcher within = SemanticOperators.all().get("path_within").compile(List.of("/data/reports"));
            EvaluationException e = assertThrows(EvaluationException.class, () -> within.matches(inside));
            assertTrue(e.getMessage().contains("another file system"), e.getMessage());
        }
    }

    @Test
    void aUrlThatJavaNetUriReadsAsAnotherHostIsRefused() {
        // Our reading and java.net.URI's agree on every URL we accept; if they ever did not, we deny.
        EvaluationException e = assertThrows(EvaluationException.class,
                () -> UrlParser.crossCheckWithJavaNetUri("https://a.example/", "b.example", null));
        assertTrue(e.getMessage().contains("java.net.URI"), e.getMessage());
    }
}
