package dev.veto.agent.weave;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Puts the check in front of a tool method's body: {@code VetoBridge.check(siteId, new Object[] {args...})},
 * primitives boxed. A denial thrown there means the body never runs.
 *
 * <p>The inserted code uses only the operand stack (no locals, no branches) and leaves it empty, so the
 * method's stack map frames stay valid as they are: the class is copied, not recomputed, and no class
 * format change is made, so classes already loaded can be retransformed.
 */
final class CheckInjector extends MethodVisitor {

    private static final String BRIDGE = "dev/veto/bootstrap/VetoBridge";
    private static final String CHECK_DESCRIPTOR = "(I[Ljava/lang/Object;)V";

    /** Site id, array, array, index, and a long or double value (two slots). */
    private static final int STACK_NEEDED = 6;

    private final Type[] parameters;
    private final int firstSlot;
    private final int siteId;

    CheckInjector(MethodVisitor target, MethodShape method, int siteId) {
        super(ClassShapeReader.ASM_API, target);
        this.parameters = method.parameterTypes();
        this.firstSlot = method.isStatic() ? 0 : 1;
        this.siteId = siteId;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        pushInt(siteId);
        pushInt(parameters.length);
        super.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        int slot = firstSlot;
        for (int i = 0; i < parameters.length; i++) {
            Type type = parameters[i];
            super.visitInsn(Opcodes.DUP);
            pushInt(i);
            super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
            box(type);
            super.visitInsn(Opcodes.AASTORE);
            slot += type.getSize();
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "check", CHECK_DESCRIPTOR, false);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(Math.max(maxStack, STACK_NEEDED), maxLocals);
    }

    private void box(Type type) {
        String wrapper = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null; // a reference: stored as it is
        };
        if (wrapper != null) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper, "valueOf",
                    "(" + type.getDescriptor() + ")L" + wrapper + ";", false);
        }
    }

    private void pushInt(int value) {
        if (value >= -1 && value <= 5) {
            super.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            super.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            super.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            super.visitLdcInsn(value);
        }
    }
}
