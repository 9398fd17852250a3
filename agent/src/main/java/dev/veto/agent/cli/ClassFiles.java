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
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * The classes of the jars and class folders {@code scan} is given: their names, and a locator that reads
 * their bytes (and the JDK's, for supertypes) without loading any of them.
 */
final class ClassFiles implements AutoCloseable {

    private final List<String> classNames;
    private final ClassFileLocator locator;

    private ClassFiles(List<String> classNames, ClassFileLocator locator) {
        this.classNames = classNames;
        this.locator = locator;
    }

    static ClassFiles open(List<String> paths) throws UsageException {
        List<String> names = new ArrayList<>();
        List<ClassFileLocator> locators = new ArrayList<>();
        try {
            for (String given : paths) {
                Path path = Path.of(given);
                if (Files.isDirectory(path)) {
                    names.addAll(inFolder(path));
                    locators.add(new ClassFileLocator.ForFolder(path.toFile()));
                } else if (Files.isRegularFile(path) && given.endsWith(".jar")) {
                    names.addAll(inJar(path));
                    locators.add(ClassFileLocator.ForJarFile.of(path.toFile()));
                } else {
                    throw new UsageException(given + ": not a jar file or a class folder");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("cannot read the classes: " + e.getMessage());
        }
        locators.add(ClassFileLocator.ForClassLoader.ofSystemLoader());
        locators.add(new ToolAnnotationStandIns());
        return new ClassFiles(List.copyOf(names), new ClassFileLocator.Compound(locators));
    }

    List<String> classNames() {
        return classNames;
    }

    ClassFileLocator locator() {
        return locator;
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
        try {
            locator.close();
        } catch (IOException e) {
            // read-only files; nothing was written that closing could lose
        }
    }
}
