package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.agent.cli.scanfixture.LegacyDatabase;
import dev.veto.agent.cli.scanfixture.ShopTools;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar veto-agent.jar scan ...}, on the built jar, over a jar and a class folder of fixtures. */
class ScanCommandIT {

    private static final List<Class<?>> FIXTURES = List.of(ShopTools.class, LegacyDatabase.class);

    @TempDir
    Path dir;

    private Path policy;

    @BeforeEach
    void writePolicy() throws Exception {
        policy = dir.resolve("scan-policy.yaml");
        Files.writeString(policy, """
                name: scan
                default_action: deny
                rules:
                  - id: lookups
                    tool: lookup_order
                    action: allow
                  - id: refunds
                    tool: issue_refund
                    action: require_approval
                  - id: mails
                    tool: send_email
                    action: allow
                  - id: no-drops
                    tool: "drop_*"
                    action: deny
                instrument:
                  - class: dev.veto.agent.cli.scanfixture.LegacyDatabase
                    method: dropEverything
                    tool: drop_everything
                """);
    }

    /** The fixtures' class files, as a class folder or a jar. */
    private Path classFolder() throws Exception {
        Path folder = dir.resolve("classes");
        for (Class<?> fixture : FIXTURES) {
            Path file = folder.resolve(fixture.getName().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.copy(classFile(fixture), file);
        }
        return folder;
    }

    private Path jar() throws Exception {
        Path jar = dir.resolve("tools.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            for (Class<?> fixture : FIXTURES) {
                entries.putNextEntry(new JarEntry(fixture.getName().replace('.', '/') + ".class"));
                entries.write(Files.readAllBytes(classFile(fixture)));
                entries.closeEntry();
            }
        }
        return jar;
    }

    private static Path classFile(Class<?> type) throws Exception {
        Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        return root.resolve(type.getName().replace('.', '/') + ".class");
    }

    private static void assertListsEveryFlavour(String out) {
        assertTrue(out.matches("(?s).*lookup_order +dev\\.veto\\.agent\\.cli\\.scanfixture\\.ShopTools#lookup\\(String\\) +@dev\\.veto\\.Tool +lookups\n.*"), out);
        assertTrue(out.matches("(?s).*issue_refund +\\S+ShopTools#refund\\(String, double\\) +@dev\\.langchain4j\\.agent\\.tool\\.Tool +refunds\n.*"), out);
        assertTrue(out.matches("(?s).*send_email +\\S+ShopTools#send\\(String, String\\) +@org\\.springframework\\.ai\\.tool\\.annotation\\.Tool +mails\n.*"), out);
        assertTrue(out.matches("(?s).*drop_everything +\\S+LegacyDatabase#dropEverything\\(String\\) +instrument: \\S+ +no-drops\n.*"), out);
        assertTrue(out.matches("(?s).*wire_money +\\S+ShopTools#wire_money\\(String, long\\) +@dev\\.veto\\.Tool +only default_action \\(deny\\)\n.*"), out);
        assertFalse(out.contains("notATool"), out);
        assertFalse(out.contains("#count"), out);
        assertTrue(out.contains("5 tool methods: 4 governed by a rule of their own, 1 only default_action (deny)"), out);
    }

    @Test
    void aJarListsEachFlavourWithItsRulesAndFailsWhenAToolHasNoRuleOfItsOwn() throws Exception {
        VetoJar.Result result = VetoJar.run("scan", policy.toString(), jar().toString(), "--fail-uncovered");
        assertEquals(1, result.exitCode(), result::toString);
        assertListsEveryFlavour(result.out());
    }

    @Test
    void aClassFolderListsTheSameAndExits0WithoutFailUncovered() throws Exception {
        VetoJar.Result result = VetoJar.run("scan", policy.toString(), classFolder().toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertListsEveryFlavour(result.out());
    }

    /**
     * An exact instrument: entry whose class is scanned but declares no such method (a misspelt name) governs
     * nothing. The agent warns about it at run time; scan used to list no tool for it and exit 0 even with
     * --fail-uncovered, so the policy's CI passed while the method it meant to govern ran unchecked.
     */
    @Test
    void anInstrumentEntryThatGovernsNothingInAScannedClassIsReportedAndFailsFailUncovered() throws Exception {
        Path misspelt = dir.resolve("misspelt.yaml");
        Files.writeString(misspelt, """
                rules:
                  - id: no-drops
                    tool: "drop_*"
                    action: deny
                instrument:
                  - class: dev.veto.agent.cli.scanfixture.LegacyDatabase
                    method: dropEverythng
                    tool: drop_everything
                """);
        Path folder = dir.resolve("legacy");
        Path file = folder.resolve(LegacyDatabase.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.copy(classFile(LegacyDatabase.class), file);

        VetoJar.Result failing = VetoJar.run("scan", misspelt.toString(), folder.toString(), "--fail-uncovered");
        VetoJar.Result listing = VetoJar.run("scan", misspelt.toString(), folder.toString());

        assertEquals(1, failing.exitCode(), failing::toString);
        assertTrue(failing.out().contains("the instrument: entry for dev.veto.agent.cli.scanfixture.LegacyDatabase#dropEverythng"
                + " governs nothing: dev.veto.agent.cli.scanfixture.LegacyDatabase declares no such method"), failing::toString);
        assertEquals(0, listing.exitCode(), listing::toString);
        assertTrue(listing.out().contains("#dropEverythng governs nothing"), listing::toString);
    }

    /** With several jars, 'cannot read the classes: zip END header not found' left the user to guess which. */
    @Test
    void aJarThatCannotBeReadIsNamed() throws Exception {
        Path broken = dir.resolve("broken.jar");
        Files.writeString(broken, "not a zip");

        VetoJar.Result result = VetoJar.run("scan", policy.toString(), jar().toString(), broken.toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith(broken + ": cannot read the classes: "), result::toString);
    }

    @Test
    void aPathThatIsNeitherAJarNorAFolderIsExit2() throws Exception {
        VetoJar.Result result = VetoJar.run("scan", policy.toString(), policy.toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith(policy + ": not a jar file or a class folder"), result::toString);
    }
}
