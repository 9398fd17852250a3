package dev.veto.agent.weave;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Attribute;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;

/**
 * Writes, into a class being woven, an override of a method it inherits ({@link ToolMethods.Inherited}):
 * {@code return super.m(args);}, with the check in front ({@link CheckInjector}). The override carries the
 * inherited method's generic signature, exceptions, parameter names and annotations, copied from the
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
     * @param target        the woven class's writer
     * @param superclass    the woven class's direct superclass, internal name ({@code com/acme/BaseStore})
     * @param declaringFile the class file of the superclass that declares the method
     */
    static void write(ClassVisitor target, String superclass, MethodShape method, byte[] declaringFile, int siteId) {
        new ClassReader(declaringFile).accept(new ClassVisitor(ClassShapeReader.ASM_API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if (!name.equals(method.name()) || !descriptor.equals(method.descriptor())) {
                    return null;
                }
                int kept = access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_VARARGS);
                MethodVisitor override = target.visitMethod(kept, name, descriptor, signature, exceptions);
                return new Copier(new CheckInjector(override, method, siteId), superclass, method);
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
    }

    /**
     * Passes on the inherited method's parameter names and annotations (read with SKIP_CODE, nothing else
     * is visited but those and the end), then writes the override's code.
     */
    private static final class Copier extends MethodVisitor {
        private final String superclass;
        private final MethodShape method;

        Copier(MethodVisitor override, String superclass, MethodShape method) {
            super(ClassShapeReader.ASM_API, override);
            this.superclass = superclass;
            this.method = method;
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
            super.visitMethodInsn(Opcodes.INVOKESPECIAL, superclass, method.name(), method.descriptor(), false);
            Type returned = Type.getReturnType(method.descriptor());
            super.visitInsn(returned.getOpcode(Opcodes.IRETURN));
            super.visitMaxs(Math.max(slot, returned.getSize()), slot);
            super.visitEnd();
        }
    }
}
