package dev.veto.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;
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
 *
 * <p>This runs first in premain, so it is written for start-up time: the classes are named
 * ({@link #SHARED}, checked against the built jar by {@code BootstrapJarIT}) and looked up in the agent jar
 * by name instead of walking its thousands of entries (never through a class loader: the application's
 * class path may carry another version of the annotations); entries get a fixed local time (no time-zone data to load), and the file is named without
 * {@code SecureRandom} (whose seeding loads the security providers) but is created with {@code CREATE_NEW},
 * which never follows or reuses a file someone else put there.
 */
final class BootstrapJar {

    /** Every {@code dev/veto/*.class} and {@code dev/veto/bootstrap/*.class} of the agent jar. */
    static final List<String> SHARED = List.of(
            "dev/veto/bootstrap/VetoBridge.class",
            "dev/veto/bootstrap/ToolGate.class",
            "dev/veto/Tool.class",
            "dev/veto/ToolParam.class",
            "dev/veto/ToolDeniedException.class",
            "dev/veto/VetoContext.class",
            "dev/veto/VetoContext$Scope.class");

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final int NAME_ATTEMPTS = 100;

    private BootstrapJar() {
    }

    static void appendTo(Instrumentation instrumentation) throws IOException, URISyntaxException {
        if (isOnBootstrapPath()) {
            return; // attached a second time: the first attach already did it
        }
        Path agentJar = Path.of(BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path bootstrapJar;
        try (JarFile source = new JarFile(agentJar.toFile());
             NewFile file = NewFile.inTemporaryDirectory();
             JarOutputStream target = new JarOutputStream(file.out())) {
            bootstrapJar = file.path();
            for (String name : SHARED) {
                JarEntry found = source.getJarEntry(name);
                if (found == null) {
                    throw new IOException(agentJar + " has no " + name + ": is it the veto-agent.jar?");
                }
                JarEntry entry = new JarEntry(name);
                entry.setTimeLocal(ENTRY_TIME);
                target.putNextEntry(entry);
                try (InputStream in = source.getInputStream(found)) {
                    in.transferTo(target);
                }
                target.closeEntry();
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bootstrapJar.toFile()));
    }

    /** A new file in the temporary directory that nobody else created, deleted when the JVM exits. */
    private record NewFile(Path path, OutputStream out) implements AutoCloseable {

        static NewFile inTemporaryDirectory() throws IOException {
            Path directory = Path.of(System.getProperty("java.io.tmpdir"));
            // Not ProcessHandle.pid(): its class starts a thread pool, tens of milliseconds at this point.
            String prefix = "veto-bootstrap-" + Long.toHexString(System.nanoTime());
            for (int attempt = 0; ; attempt++) {
                Path candidate = directory.resolve(prefix + "-" + attempt + ".jar");
                try {
                    OutputStream out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    candidate.toFile().deleteOnExit();
                    return new NewFile(candidate, out);
                } catch (FileAlreadyExistsException taken) {
                    if (attempt + 1 == NAME_ATTEMPTS) {
                        throw taken;
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Whether an earlier start of the agent in this JVM already put the bridge on the bootstrap path. */
    static boolean isOnBootstrapPath() {
        try {
            return Class.forName("dev.veto.bootstrap.VetoBridge", false, null) != null;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
