package dev.veto.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The classes premain puts on the bootstrap class path are exactly the shared ones the built jar holds. */
class BootstrapJarIT {

    @Test
    void namesEverySharedClassOfTheAgentJar() throws IOException {
        Set<String> inJar;
        try (JarFile jar = new JarFile(System.getProperty("veto.it.agentJar"))) {
            inJar = jar.stream().map(JarEntry::getName).filter(BootstrapJarIT::isShared)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(inJar, new TreeSet<>(BootstrapJar.SHARED),
                "BootstrapJar.SHARED must list every dev/veto/*.class and dev/veto/bootstrap/*.class of the agent jar");
    }

    /** {@code dev/veto/bootstrap/*.class} and the top-level {@code dev/veto/*.class}. */
    private static boolean isShared(String entry) {
        if (!entry.endsWith(".class") || !entry.startsWith("dev/veto/")) {
            return false;
        }
        String rest = entry.substring("dev/veto/".length());
        return rest.indexOf('/') < 0 || (rest.startsWith("bootstrap/") && rest.indexOf('/', "bootstrap/".length()) < 0);
    }
}
