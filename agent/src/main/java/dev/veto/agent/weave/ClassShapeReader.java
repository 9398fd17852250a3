package dev.veto.agent.weave;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Reads a {@link ClassShape} from a class file with ASM's visitor: one pass, no class loading, no type
 * resolution. Plain ASM rather than Byte Buddy's type pool because the agent reads classes while the JVM
 * starts, and ASM is a few dozen small classes where the type pool and its description model are hundreds.
 */
final class ClassShapeReader extends ClassVisitor {

    static final int ASM_API = Opcodes.ASM9;

    private int version;
    private int access;
    private String name;
    private final List<String> supertypes = new ArrayList<>();
    private final List<MethodShape> methods = new ArrayList<>();

    private ClassShapeReader() {
        super(ASM_API);
    }

    static ClassShape read(byte[] classFile) {
        ClassShapeReader reader = new ClassShapeReader();
        new ClassReader(classFile).accept(reader, ClassReader.SKIP_FRAMES);
        return new ClassShape(reader.version & 0xFFFF, reader.access, reader.name, reader.supertypes, reader.methods);
    }

    @Override
    public void visit(int version, int access, String internalName, String signature, String superName,
            String[] interfaces) {
        this.version = version;
        this.access = access;
        name = binaryName(internalName);
        if (superName != null) {
            supertypes.add(binaryName(superName));
        }
        for (String face : interfaces == null ? new String[0] : interfaces) {
            supertypes.add(binaryName(face));
        }
    }

    @Override
    public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
            String[] exceptions) {
        return new MethodReader(access, methodName, descriptor);
    }

    static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    /** Collects one method's annotations and parameter names; adds its shape at the end of the method. */
    private final class MethodReader extends MethodVisitor {

        private final int access;
        private final String methodName;
        private final String descriptor;
        private final List<AnnotationShape> annotations = new ArrayList<>();
        private final List<List<AnnotationShape>> parameterAnnotations = new ArrayList<>();
        private final List<String> declaredNames = new ArrayList<>(); // MethodParameters attribute
        private final String[] localNames; // local variable table, by parameter
        private final int[] slots; // the local variable slot of each parameter

        MethodReader(int access, String methodName, String descriptor) {
            super(ASM_API);
            this.access = access;
            this.methodName = methodName;
            this.descriptor = descriptor;
            Type[] parameters = Type.getArgumentTypes(descriptor);
            this.localNames = new String[parameters.length];
            this.slots = new int[parameters.length];
            int slot = (access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
            for (int i = 0; i < parameters.length; i++) {
                slots[i] = slot;
                slot += parameters[i].getSize();
                parameterAnnotations.add(new ArrayList<>());
            }
        }

        @Override
        public void visitParameter(String parameterName, int parameterAccess) {
            declaredNames.add(parameterName);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
            return new AnnotationReader(annotationDescriptor, annotations);
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String annotationDescriptor, boolean visible) {
            if (parameter < 0 || parameter >= parameterAnnotations.size()) {
                return null; // a count that leaves out synthetic parameters: never on a tool method
            }
            return new AnnotationReader(annotationDescriptor, parameterAnnotations.get(parameter));
        }

        @Override
        public void visitLocalVariable(String localName, String localDescriptor, String signature, Label start,
                Label end, int index) {
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] == index && localNames[i] == null) {
                    localNames[i] = localName;
                }
            }
        }

        @Override
        public void visitEnd() {
            // Like javac's reflection: the MethodParameters attribute when there is one, else the debug info.
            List<String> names = declaredNames.size() == localNames.length ? declaredNames : Arrays.asList(localNames);
            methods.add(new MethodShape(access, methodName, descriptor, annotations, parameterAnnotations, names));
        }
    }

    /** Keeps an annotation's type and its string attributes; nested values are not needed. */
    private static final class AnnotationReader extends AnnotationVisitor {

        private final String type;
        private final List<AnnotationShape> into;
        private final Map<String, String> strings = new HashMap<>();

        AnnotationReader(String descriptor, List<AnnotationShape> into) {
            super(ASM_API);
            this.type = Type.getType(descriptor).getClassName();
            this.into = into;
        }

        @Override
        public void visit(String attribute, Object value) {
            if (attribute != null && value instanceof String text) {
                strings.put(attribute, text);
            }
        }

        @Override
        public void visitEnd() {
            into.add(new AnnotationShape(type, strings));
        }
    }
}
