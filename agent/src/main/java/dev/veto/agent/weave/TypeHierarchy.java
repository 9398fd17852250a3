package dev.veto.agent.weave;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * The direct supertypes of classes, read from their class files (never by loading them), for
 * {@code instrument:} entries that select by supertype. Remembers what it read; one instance serves one
 * class being woven or one scan.
 */
public final class TypeHierarchy {

    /** Where class files come from: a class loader's resources, or the jars and folders the CLI scans. */
    @FunctionalInterface
    public interface ClassFiles {
        /** The class file of this binary name, or null when there is none. */
        byte[] find(String binaryName) throws IOException;
    }

    private final ClassFiles classFiles;
    private final Map<String, Optional<List<String>>> known = new HashMap<>();
    private final Map<String, Optional<ClassShape>> shapes = new HashMap<>();

    public TypeHierarchy(ClassFiles classFiles) {
        this.classFiles = classFiles;
    }

    /** Class files as the class loader that defines the woven class sees them (the bootstrap loader's for null). */
    static TypeHierarchy of(ClassLoader loader) {
        ClassLoader resources = loader != null ? loader : ClassLoader.getPlatformClassLoader();
        return new TypeHierarchy(name -> {
            try (InputStream in = resources.getResourceAsStream(name.replace('.', '/') + ".class")) {
                return in == null ? null : in.readAllBytes();
            }
        });
    }

    /** The superclass and interfaces of the named class, or empty when its class file cannot be read. */
    Optional<List<String>> supertypesOf(String binaryName) {
        return known.computeIfAbsent(binaryName, this::read);
    }

    /**
     * The whole shape of the named class (its methods too), or empty when its class file cannot be read: for
     * a method a selected class inherits, which is rare, so only then is a superclass read in full.
     */
    Optional<ClassShape> shapeOf(String binaryName) {
        return shapes.computeIfAbsent(binaryName, name -> classFile(name).flatMap(bytes -> {
            try {
                return Optional.of(ClassShape.of(bytes));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        }));
    }

    /** The named class's file, or empty when there is none or it cannot be read. */
    Optional<byte[]> classFile(String binaryName) {
        try {
            return Optional.ofNullable(classFiles.find(binaryName));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<List<String>> read(String binaryName) {
        try {
            byte[] bytes = classFiles.find(binaryName);
            if (bytes == null) {
                return Optional.empty();
            }
            ClassReader header = new ClassReader(bytes);
            List<String> supertypes = new ArrayList<>();
            if (header.getSuperName() != null) {
                supertypes.add(ClassShapeReader.binaryName(header.getSuperName()));
            }
            for (String face : header.getInterfaces()) {
                supertypes.add(ClassShapeReader.binaryName(face));
            }
            return Optional.of(supertypes);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a supertype missing from the class path: this branch selects nothing
        }
    }
}
