package dev.veto.agent.weave;

import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Looks at each class's raw bytes before Byte Buddy parses them, and passes on only the classes that could
 * hold a tool: those whose constant pool mentions a tool annotation ({@code .../Tool;}) and those an
 * {@code instrument:} entry could select. Every other class (nearly all of them) costs one byte scan and
 * is returned untouched.
 */
final class CandidateFilter extends ResettableClassFileTransformer.WithDelegation {

    private static final byte[] TOOL_DESCRIPTOR_SUFFIX = ToolAnnotations.DESCRIPTOR_SUFFIX.getBytes(StandardCharsets.US_ASCII);

    /** Internal-name prefixes that never hold an application's tool: the JDK and the agent itself. */
    private static final String[] NEVER = {
        "java/", "javax/", "jdk/", "sun/", "com/sun/",
        "dev/veto/shaded/", "dev/veto/agent/", "dev/veto/engine/", "dev/veto/bootstrap/",
    };

    private final ToolMethods toolMethods;

    CandidateFilter(ResettableClassFileTransformer delegate, ToolMethods toolMethods) {
        super(delegate);
        this.toolMethods = toolMethods;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (!isCandidate(className, classfileBuffer)) {
            return null;
        }
        return classFileTransformer.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (!isCandidate(className, classfileBuffer)) {
            return null;
        }
        return classFileTransformer.transform(module, loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    boolean isCandidate(String internalName, byte[] bytes) {
        if (internalName == null || bytes == null) {
            return false;
        }
        for (String prefix : NEVER) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        return contains(bytes, TOOL_DESCRIPTOR_SUFFIX) || toolMethods.mightBeInstrumented(internalName.replace('/', '.'));
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
