package dev.veto.agent.weave;

import java.util.List;

/**
 * The parts of a class file that decide which of its methods are tools, read without loading the class.
 *
 * @param name       the class's binary name ({@code com.acme.Tools})
 * @param supertypes the binary names of its superclass (absent for {@code java.lang.Object}) and interfaces
 * @param methods    the methods it declares
 */
public record ClassShape(String name, List<String> supertypes, List<MethodShape> methods) {

    public ClassShape {
        supertypes = List.copyOf(supertypes);
        methods = List.copyOf(methods);
    }

    /** Reads a class file; throws an unchecked exception when the bytes are not one. */
    public static ClassShape of(byte[] classFile) {
        return ClassShapeReader.read(classFile);
    }
}
