package dev.veto.agent.weave;

import java.util.List;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The parts of a class file that decide which of its methods are tools, read without loading the class.
 *
 * @param version    the class file's major version (52 for Java 8)
 * @param access     the class's access flags ({@code ACC_INTERFACE}...)
 * @param name       the class's binary name ({@code com.acme.Tools})
 * @param supertypes the binary names of its superclass (absent for {@code java.lang.Object}) and interfaces
 * @param methods    the methods it declares
 */
public record ClassShape(int version, int access, String name, List<String> supertypes, List<MethodShape> methods) {

    public ClassShape {
        supertypes = List.copyOf(supertypes);
        methods = List.copyOf(methods);
    }

    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    /** The superclass's binary name, or null for {@code java.lang.Object} and interfaces. */
    String superclass() {
        return isInterface() || supertypes.isEmpty() ? null : supertypes.get(0);
    }

    /** The binary names of the interfaces it implements or extends (after the superclass in the class file). */
    List<String> interfaces() {
        return supertypes.isEmpty() ? List.of() : supertypes.subList(1, supertypes.size());
    }

    /** The package part of the binary name ({@code com.acme} for {@code com.acme.Tools}), empty for none. */
    String packageName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    /** Reads a class file; throws an unchecked exception when the bytes are not one. */
    public static ClassShape of(byte[] classFile) {
        return ClassShapeReader.read(classFile);
    }
}
