package dev.veto.agent.weave;

import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Attribute;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;
import net.bytebuddy.jar.asm.signature.SignatureReader;
import net.bytebuddy.jar.asm.signature.SignatureVisitor;

/**
 * Writes, into a class being woven, an override of a method it inherits ({@link InheritedTools.Inherited}):
 * {@code return super.m(args);} (or {@code Face.super.m(args)} for an interface's default method), with the check in front ({@link CheckInjector}). The override carries the
 * inherited method's generic signature (unless it names the declaring class's type variables, see
 * {@link #namesOnlyItsOwnTypeVariables}), exceptions, parameter names and annotations, copied from the
 * declaring class's file, so that reflection and frameworks (which look for annotations such as
 * {@code @Transactional} on the most specific method) see what they saw before.
 *
 * <p>Its code has no branch, so it needs no stack map frame. A method can be added only while a class is
 * first loaded: the JVM refuses new methods when a loaded class is retransformed.
 */
final class InheritedOverride {

    private InheritedOverride() {
    }

    /**
     * @param target           the woven class's writer
     * @param callThrough      the woven class's direct superclass, or the direct superinterface by which it
     *                         reaches a default method, internal name ({@code com/acme/BaseStore})
     * @param throughInterface whether {@code callThrough} is an interface ({@code CrudOps.super.deleteAll()})
     * @param declaringFile    the class file of the superclass or interface that declares the method
     */
    static void write(ClassVisitor target, String callThrough, boolean throughInterface, MethodShape method,
            byte[] declaringFile, int siteId) {
        new ClassReader(declaringFile).accept(new ClassVisitor(ClassShapeReader.ASM_API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (!name.equals(method.name()) || !descriptor.equals(method.descriptor())) {
                    return null;
                }
                int kept = access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_VARARGS);
                MethodVisitor override = target.visitMethod(kept, name, descriptor,
                        namesOnlyItsOwnTypeVariables(signature) ? signature : null, exceptions);
                return new Copier(new CheckInjector(override, method, siteId), callThrough, throughInterface, method);
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
    }

    /**
     * Whether a method's generic signature names no type variable but those the method declares itself. One
     * that names a type variable of the declaring class ({@code T} of {@code BaseStore<T>}) cannot be copied to
     * the subtype, which has no such variable: reflection on the override would fail (a null type, or
     * {@code TypeNotPresentException}), so the override keeps only its erased descriptor, as a bridge does.
     */
    static boolean namesOnlyItsOwnTypeVariables(String signature) {
        if (signature == null) {
            return true;
        }
        Set<String> declared = new HashSet<>();
        Set<String> named = new HashSet<>();
        new SignatureReader(signature).accept(new SignatureVisitor(ClassShapeReader.ASM_API) {
            @Override
            public void visitFormalTypeParameter(String name) {
                declared.add(name);
            }

            @Override
            public void visitTypeVariable(String name) {
                named.add(name);
            }
        });
        return declared.containsAll(named);
    }

    /**
     * Passes on the inherited method's parameter names and annotations but its tool annotations (read with
     * SKIP_CODE, nothing else is visited but those and the end), then writes the override's code.
     */
    private static final class Copier extends MethodVisitor {
        private final String callThrough;
        private final boolean throughInterface;
        private final MethodShape method;

        Copier(MethodVisitor override, String callThrough, boolean throughInterface, MethodShape method) {
            super(ClassShapeReader.ASM_API, override);
            this.callThrough = callThrough;
            this.throughInterface = throughInterface;
            this.method = method;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            // A tool annotation would make the subtype offer the tool itself to a framework that reads only a
            // class's own methods, so the model would see a tool it did not see before: it is not copied.
            if (ToolAnnotations.TOOL.contains(Type.getType(descriptor).getClassName())) {
                return null;
            }
            return super.visitAnnotation(descriptor, visible);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return null; // type annotations may point into the declaring class's code: not copied
        }

        @Override
        public void visitAttribute(Attribute attribute) {
            // attributes ASM does not know are the declaring class's own business
        }

        @Override
        public void visitEnd() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 0);
            int slot = 1;
            for (Type parameter : method.parameterTypes()) {
                super.visitVarInsn(parameter.getOpcode(Opcodes.ILOAD), slot);
                slot += parameter.getSize();
            }
            super.visitMethodInsn(Opcodes.INVOKESPECIAL, callThrough, method.name(), method.descriptor(), throughInterface);
            Type returned = Type.getReturnType(method.descriptor());
            super.visitInsn(returned.getOpcode(Opcodes.IRETURN));
            super.visitMaxs(Math.max(slot, returned.getSize()), slot);
            super.visitEnd();
        }
    }
}
