package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar veto-agent.jar check POLICY}, on the built jar. */
class CheckCommandIT {

    @TempDir
    Path dir;

    @Test
    void theSeedPolicyIsValid() throws Exception {
        VetoJar.Result result = VetoJar.run("check", VetoJar.SEED.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(VetoJar.SEED + ": valid", result.outLines().get(0));
    }

    @Test
    void aTypoIsReportedAtItsLineAndColumnWithExit2() throws Exception {
        Path policy = dir.resolve("typo.yaml");
        Files.writeString(policy, """
                name: typo
                default_action: deny
                rules:
                  - tool: lookup_order
                    acton: allow
                """);
        VetoJar.Result result = VetoJar.run("check", policy.toString());
        assertEquals(2, result.exitCode(), result::toString);
        String first = result.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith(policy + ":5:5: "), first);
        assertTrue(first.contains("acton"), first);
        assertEquals("", result.out());
    }

    @Test
    void aMissingFileIsExit2() throws Exception {
        VetoJar.Result result = VetoJar.run("check", dir.resolve("none.yaml").toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith(dir.resolve("none.yaml") + ": no such policy file"), result::toString);
    }

    @Test
    void noPolicyArgumentIsExit2WithAPointerToHelp() throws Exception {
        VetoJar.Result result = VetoJar.run("check");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains("expected one POLICY file, got nothing"), result::toString);
        assertTrue(result.err().contains("check --help"), result::toString);
    }
}
