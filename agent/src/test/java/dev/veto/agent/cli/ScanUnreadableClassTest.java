package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class {@code scan} cannot read is one the agent cannot weave either: its tools, if it has any, would run
 * ungoverned. {@code --fail-uncovered} is the build's gate against that, so it must not pass such a class.
 */
class ScanUnreadableClassTest {

    @TempDir
    Path dir;

    @Test
    void aClassThatCannotBeReadFailsTheGateAndIsNamed() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/com/acme"));
        Files.write(classes.resolve("Tools.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 5, 'x'});
        Path policy = Files.writeString(dir.resolve("p.yaml"), "rules:\n  - tool: \"*\"\n    action: deny\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"scan", policy.toString(), dir.resolve("classes").toString(), "--fail-uncovered"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.FAILED, code, said);
        assertTrue(said.contains("skipped com.acme.Tools: "), said);
        assertTrue(!said.contains("skipped com.acme.Tools: null"), said);
        assertTrue(said.contains("1 class could not be read"), said);
    }
}
