package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Dispatch, help and the exit codes of bad input; the commands' decisions are tested on the real jar. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandPrintsTheCommandListAndExits2() {
        assertEquals(2, run());
        for (String command : Main.commands().keySet()) {
            assertTrue(out().contains("  " + command + " "), "lists " + command + ":\n" + out());
        }
    }

    @Test
    void anUnknownCommandExits2AndNamesTheKnownOnes() {
        assertEquals(2, run("chekc", "p.yaml"));
        assertTrue(err().startsWith("veto: unknown command 'chekc'; the commands are check, eval"), err());
    }

    @Test
    void everyCommandHasHelpThatShowsItsUsage() {
        for (String command : Main.commands().keySet()) {
            out.reset();
            assertEquals(0, run(command, "--help"), command);
            assertTrue(out().startsWith("usage: java -jar veto-agent.jar " + command), out());
        }
    }

    @Test
    void aBadFlagExits2AndPointsAtHelp() {
        assertEquals(2, run("eval", "--polcy", "p.yaml"));
        assertTrue(err().contains("unknown flag --polcy"), err());
        assertTrue(err().contains("Run 'java -jar veto-agent.jar eval --help' for usage."), err());
    }

    @Test
    void aMissingPolicyFileExits2() {
        assertEquals(2, run("check", "no/such/policy.yaml"));
        assertTrue(err().startsWith("no/such/policy.yaml: no such policy file"), err());
    }

    @Test
    void aDirectoryGivenForAFileIsNamedAsADirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // it said "no such log file" for a folder that plainly exists
        assertEquals(2, run("audit", "verify", dir.toString()));
        assertTrue(err().startsWith(dir + ": is a directory, expected a log file"), err());
    }

    @Test
    void evalWithBadJsonExits2BeforeLoadingAnything() {
        assertEquals(2, run("eval", "--policy", "p.yaml", "--tool", "t", "--args", "{amount: 5}"));
        assertTrue(err().startsWith("--args: not valid JSON"), err());
    }

    @Test
    void schemaPrintsTheShippedSchema() {
        assertEquals(0, run("schema"));
        assertTrue(out().contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), out());
    }
}
