package dev.veto.agent.weave;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * What the weaver needs to know about one method of a class file, read without loading the class.
 *
 * @param access               the access flags ({@code ACC_STATIC}, {@code ACC_ABSTRACT}...)
 * @param name                 the method's name
 * @param descriptor           its descriptor, {@code (Ljava/lang/String;J)V}
 * @param annotations          its annotations (runtime-visible and class-retained)
 * @param parameterAnnotations each parameter's annotations, one list per parameter
 * @param compiledNames        each parameter's compiled name: from the {@code MethodParameters} attribute
 *                             ({@code javac -parameters}) when present, else from the local variable table
 *                             ({@code javac -g}); an entry is null when the class file has no name for it
 */
public record MethodShape(int access, String name, String descriptor, List<AnnotationShape> annotations,
        List<List<AnnotationShape>> parameterAnnotations, List<String> compiledNames) {

    public MethodShape {
        annotations = List.copyOf(annotations);
        parameterAnnotations = parameterAnnotations.stream().map(List::copyOf).toList();
        compiledNames = Collections.unmodifiableList(new ArrayList<>(compiledNames)); // holds nulls: List.copyOf refuses them
    }

    /** A method with a body of its own: not a constructor or initializer, not abstract, native, bridge or synthetic. */
    boolean canCarryCheck() {
        int excluded = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC;
        return (access & excluded) == 0 && !name.startsWith("<");
    }

    /**
     * Whether a subclass inherits the method and could override it: an instance method with a body or
     * abstract, not private, not a constructor, bridge or synthetic.
     */
    boolean isInheritable() {
        int excluded = Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC;
        return (access & excluded) == 0 && !name.startsWith("<");
    }

    /** A bridge the compiler made (a covariant return, an erased generic parameter): it calls the method it bridges to. */
    boolean isBridge() {
        return (access & (Opcodes.ACC_BRIDGE | Opcodes.ACC_STATIC)) == Opcodes.ACC_BRIDGE;
    }

    boolean isAbstract() {
        return (access & Opcodes.ACC_ABSTRACT) != 0;
    }

    boolean isFinal() {
        return (access & Opcodes.ACC_FINAL) != 0;
    }

    boolean isPackagePrivate() {
        return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_PRIVATE)) == 0;
    }

    boolean isStatic() {
        return (access & Opcodes.ACC_STATIC) != 0;
    }

    /** The parameter types, as ASM reads them from the descriptor. */
    Type[] parameterTypes() {
        return Type.getArgumentTypes(descriptor);
    }

    /** How many parameters the method has. */
    int arity() {
        return parameterAnnotations.size();
    }
}
