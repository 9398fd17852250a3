package dev.veto.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Copies the classes that woven code and applications share out of the agent jar into a small temporary
 * jar and appends it to the bootstrap class path:
 * <ul>
 *   <li>{@code dev.veto.bootstrap.*}: the bridge the advice calls;</li>
 *   <li>{@code dev.veto.*}: {@code ToolDeniedException} and {@code VetoContext} (and the annotations), so the
 *       thread-local context and the exception type are one class for every class loader.</li>
 * </ul>
 */
final class BootstrapJar {

    private BootstrapJar() {
    }

    static void appendTo(Instrumentation instrumentation) throws IOException, URISyntaxException {
        if (isOnBootstrapPath()) {
            return; // attached a second time: the first attach already did it
        }
        Path agentJar = Path.of(BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path bootstrapJar = Files.createTempFile("veto-bootstrap-", ".jar");
        bootstrapJar.toFile().deleteOnExit();
        int copied = 0;
        try (JarFile source = new JarFile(agentJar.toFile());
             OutputStream file = Files.newOutputStream(bootstrapJar);
             JarOutputStream target = new JarOutputStream(file)) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (isShared(entry.getName())) {
                    target.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(target);
                    }
                    target.closeEntry();
                    copied++;
                }
            }
        }
        if (copied == 0) {
            throw new IOException(agentJar + " holds no dev/veto/bootstrap classes: is it the veto-agent.jar?");
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(new File(bootstrapJar.toString())));
    }

    /** {@code dev/veto/bootstrap/*.class} and the top-level {@code dev/veto/*.class}. */
    static boolean isShared(String entry) {
        if (!entry.endsWith(".class") || !entry.startsWith("dev/veto/")) {
            return false;
        }
        String rest = entry.substring("dev/veto/".length());
        return rest.indexOf('/') < 0 || (rest.startsWith("bootstrap/") && rest.indexOf('/', "bootstrap/".length()) < 0);
    }

    private static boolean isOnBootstrapPath() {
        try {
            return Class.forName("dev.veto.bootstrap.VetoBridge", false, null) != null;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
