package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan} lists what the agent weaves, so a method a {@code subtypes_of} entry selects in a subtype that
 * inherits it (the agent gives the subtype an override) is listed under the subtype, and one that cannot be
 * overridden (final) is named, and fails {@code --fail-uncovered}: it would run ungoverned.
 */
class ScanInheritedMethodsTest {

    private static final String TEST = "dev.veto.agent.weave.InheritedToolMethodsTest";

    /** A tool annotation where no implementation inherits it: the agent warns, and so must scan. */
    public interface RefundDesk {
        @dev.veto.Tool(name = "issue_refund")
        String refund(String orderId);
    }

    @TempDir
    Path dir;

    @Test
    void anInheritedMethodIsListedUnderTheSubtypeAndAFinalOneFailsTheGate() throws Exception {
        Path classes = dir.resolve("classes");
        for (String nested : new String[] {"Repository", "BaseStore", "ArchiveRepository", "Transactional"}) {
            String file = (TEST + "$" + nested).replace('.', '/') + ".class";
            Path target = classes.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = getClass().getResourceAsStream("/" + file)) {
                Files.write(target, in.readAllBytes());
            }
        }
        Path policy = Files.writeString(dir.resolve("p.yaml"), """
                instrument:
                  - subtypes_of: %1$s.Repository
                    method: deleteAll
                    tool: drop_all_rows
                  - subtypes_of: %1$s.Repository
                    method: purge
                rules:
                  - tool: drop_all_rows
                    action: deny
                  - tool: purge
                    action: deny
                """.formatted(TEST));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"scan", policy.toString(), classes.toString(), "--fail-uncovered"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String listed = out.toString(StandardCharsets.UTF_8);
        String warned = err.toString(StandardCharsets.UTF_8);

        assertTrue(listed.lines().anyMatch(line -> line.startsWith("drop_all_rows")
                && line.contains(TEST + "$ArchiveRepository#deleteAll(String)")
                && line.contains("(inherited from " + TEST + "$BaseStore)")), listed);
        assertTrue(listed.lines().noneMatch(line -> line.contains("$BaseStore#")), "BaseStore is no Repository:\n" + listed);
        assertTrue(listed.contains("warning: " + TEST + "$ArchiveRepository#purge is NOT governed")
                && listed.contains("it is final in " + TEST + "$BaseStore"), listed + warned);
        assertEquals(ExitCode.FAILED, code, listed + warned);
    }

    @Test
    void aToolAnnotationOnAnAbstractMethodIsAWarningThatFailsTheGate() throws Exception {
        Path classes = dir.resolve("desk");
        String file = RefundDesk.class.getName().replace('.', '/') + ".class";
        Files.createDirectories(classes.resolve(file).getParent());
        try (InputStream in = getClass().getResourceAsStream("/" + file)) {
            Files.write(classes.resolve(file), in.readAllBytes());
        }
        Path policy = Files.writeString(dir.resolve("desk.yaml"), "rules:\n  - tool: issue_refund\n    action: deny\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"scan", policy.toString(), classes.toString(), "--fail-uncovered"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String listed = out.toString(StandardCharsets.UTF_8);
        assertTrue(listed.contains("warning: " + RefundDesk.class.getName() + "#refund carries @dev.veto.Tool but is abstract,"
                + " so it is NOT governed"), listed);
        assertEquals(ExitCode.FAILED, code, listed);
    }
}
