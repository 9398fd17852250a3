package dev.veto.agent.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import dev.veto.agent.weave.TypeHierarchy;
import java.io.InputStream;

/**
 * The classes of the jars and class folders {@code scan} is given: their names, and their class files
 * (and the JDK's, for supertypes), read without loading any of them.
 */
final class ClassFiles implements TypeHierarchy.ClassFiles, AutoCloseable {

    private final List<String> classNames;
    private final List<Path> folders;
    private final List<JarFile> jars;

    private ClassFiles(List<String> classNames, List<Path> folders, List<JarFile> jars) {
        this.classNames = classNames;
        this.folders = folders;
        this.jars = jars;
    }

    static ClassFiles open(List<String> paths) throws UsageException {
        List<String> names = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        List<JarFile> jars = new ArrayList<>();
        String reading = null;
        try {
            for (String given : paths) {
                reading = given;
                Path path = Path.of(given);
                if (Files.isDirectory(path)) {
                    names.addAll(inFolder(path));
                    folders.add(path);
                } else if (Files.isRegularFile(path) && given.endsWith(".jar")) {
                    names.addAll(inJar(path));
                    jars.add(new JarFile(path.toFile()));
                } else {
                    throw new UsageException(given + ": not a jar file or a class folder");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            new ClassFiles(names, folders, jars).close();
            throw new UsageException(reading + ": cannot read the classes: " + e.getMessage());
        } catch (UsageException e) {
            new ClassFiles(names, folders, jars).close();
            throw e;
        }
        return new ClassFiles(List.copyOf(names), List.copyOf(folders), List.copyOf(jars));
    }

    List<String> classNames() {
        return classNames;
    }

    /** The class file from the scanned folders and jars, in the order given, else from the JDK; null if none. */
    @Override
    public byte[] find(String binaryName) throws IOException {
        String entry = binaryName.replace('.', '/') + ".class";
        for (Path folder : folders) {
            Path file = folder.resolve(entry);
            if (Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
        }
        for (JarFile jar : jars) {
            JarEntry found = jar.getJarEntry(entry);
            if (found != null) {
                try (InputStream in = jar.getInputStream(found)) {
                    return in.readAllBytes();
                }
            }
        }
        try (InputStream in = ClassLoader.getSystemResourceAsStream(entry)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static List<String> inFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"))
                    .map(ClassFiles::binaryName)
                    .filter(ClassFiles::isClass)
                    .sorted()
                    .toList();
        }
    }

    private static List<String> inJar(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
                    String name = binaryName(entry);
                    if (isClass(name)) {
                        names.add(name);
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static String binaryName(String relativePath) {
        return relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.');
    }

    private static boolean isClass(String name) {
        return !name.endsWith("module-info") && !name.endsWith("package-info");
    }

    @Override
    public void close() {
        for (JarFile jar : jars) {
            try {
                jar.close();
            } catch (IOException e) {
                // read-only files; nothing was written that closing could lose
            }
        }
    }
}
