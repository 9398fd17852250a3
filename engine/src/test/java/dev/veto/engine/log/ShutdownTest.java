package dev.veto.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JVM's shutdown writes every record appended before it, without the application closing the log. */
class ShutdownTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"return", "exit"})
    void everyRecordAppendedBeforeTheJvmEndsIsWritten(String howMainEnds) throws Exception {
        Path file = dir.resolve("shutdown.jsonl");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                AppendThenExit.class.getName(), file.toString(), "5000", howMainEnds));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "child JVM ended");
        assertEquals(0, child.exitValue(), output);

        ChainVerification result = DecisionLogVerifier.verify(file);
        assertTrue(result.ok(), result.message());
        assertEquals(5_000, result.linesChecked());
    }
}
