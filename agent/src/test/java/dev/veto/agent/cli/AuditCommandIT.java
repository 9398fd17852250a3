package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Veto;
import dev.veto.engine.log.JsonlDecisionLog;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar veto-agent.jar audit verify LOG.jsonl}, on the built jar, against a log the engine wrote. */
class AuditCommandIT {

    @TempDir
    Path dir;

    private Path log;

    @BeforeEach
    void writeALogOfFiveDecisions() throws Exception {
        log = dir.resolve("decisions.jsonl");
        try (Veto veto = Veto.builder().policyFile(VetoJar.SEED).decisionLog(JsonlDecisionLog.open(log)).build()) {
            for (int amount : new int[] {10, 20, 30, 40, 50}) {
                veto.protect("issue_refund", Map.of("amount", new BigDecimal(amount)), Map.of("role", "support_l1", "userId", "ann"));
            }
        }
        assertEquals(5, Files.readAllLines(log).size());
    }

    @Test
    void anIntactLogIsExit0WithTheCount() throws Exception {
        VetoJar.Result result = VetoJar.run("audit", "verify", log.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith(log + ": 5 lines, chain intact (last hash "), result::toString);
    }

    @Test
    void anEditedLineIsExit1NamingThatLine() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(2, lines.get(2).replace("\"amount\":30", "\"amount\":3000"));
        Files.write(log, lines);
        VetoJar.Result result = VetoJar.run("audit", "verify", log.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith(log + ":3: chain broken: line 3 "), result::toString);
        assertTrue(result.out().contains("the 2 lines before it are intact"), result::toString);
    }

    @Test
    void aDeletedLineIsExit1NamingTheLineAfterTheGap() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.remove(1);
        Files.write(log, lines);
        VetoJar.Result result = VetoJar.run("audit", "verify", log.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith(log + ":2: chain broken"), result::toString);
    }

    @Test
    void aMissingLogOrSubcommandIsExit2() throws Exception {
        assertEquals(2, VetoJar.run("audit", "verify", dir.resolve("none.jsonl").toString()).exitCode());
        VetoJar.Result result = VetoJar.run("audit", "check", log.toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("unknown audit command 'check'; the one there is: audit verify LOG.jsonl"), result::toString);
    }
}
