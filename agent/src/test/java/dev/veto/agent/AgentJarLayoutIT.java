package dev.veto.agent;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The built agent jar stores the classes of its start-up path uncompressed (the JVM would inflate each one it
 * loads before the first governed call) and keeps the libraries the start-up does not load compressed.
 */
class AgentJarLayoutIT {

    @Test
    void theStartUpPathIsStoredAndTheRestCompressed() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("veto.it.agentJar"))) {
            List<String> stored = List.of("dev/veto/agent/VetoAgent.class",
                    "dev/veto/agent/EngineStarter.class", "dev/veto/bootstrap/VetoBridge.class", "dev/veto/VetoContext.class",
                    "dev/veto/engine/Veto.class", "dev/veto/engine/policy/PolicyLoader.class",
                    "dev/veto/shaded/org/yaml/snakeyaml/parser/ParserImpl.class",
                    "dev/veto/shaded/org/slf4j/LoggerFactory.class",
                    "dev/veto/shaded/net/bytebuddy/jar/asm/ClassReader.class");
            List<String> compressed = List.of("dev/veto/shaded/net/bytebuddy/ByteBuddy.class",
                    "dev/veto/shaded/com/fasterxml/jackson/databind/ObjectMapper.class",
                    "dev/veto/shaded/net/sf/jsqlparser/parser/CCJSqlParserUtil.class");
            assertAll(
                    () -> assertEquals("META-INF/MANIFEST.MF", jar.stream().findFirst().orElseThrow().getName(),
                            "the manifest stays the first entry"),
                    () -> assertEquals("dev.veto.agent.VetoAgent", jar.getManifest().getMainAttributes().getValue("Premain-Class")),
                    () -> stored.forEach(name -> assertEquals(ZipEntry.STORED, method(jar, name), name)),
                    () -> compressed.forEach(name -> assertEquals(ZipEntry.DEFLATED, method(jar, name), name)),
                    () -> assertTrue(jar.stream().count() > 5_000, "every entry of the shaded jar is still there"));
        }
    }

    private static int method(JarFile jar, String name) {
        ZipEntry entry = jar.getEntry(name);
        assertNotNull(entry, name + " is in the agent jar");
        return entry.getMethod();
    }
}
