package dev.veto.agent.weave;

import java.nio.charset.StandardCharsets;

/**
 * Looks at each class's raw bytes before anything parses them, and passes on only the classes that could
 * hold a tool: those whose constant pool mentions a tool annotation ({@code .../Tool;}) and those an
 * {@code instrument:} entry could select. Every other class (nearly all of them) costs one byte scan and
 * is returned untouched.
 */
final class CandidateFilter {

    private static final byte[] TOOL_DESCRIPTOR_SUFFIX = ToolAnnotations.DESCRIPTOR_SUFFIX.getBytes(StandardCharsets.US_ASCII);

    /** Internal-name prefixes that never hold an application's tool: the JDK and the agent itself. */
    private static final String[] NEVER = {
        "java/", "javax/", "jdk/", "sun/", "com/sun/",
        "dev/veto/shaded/", "dev/veto/agent/", "dev/veto/engine/", "dev/veto/bootstrap/",
    };

    private final ToolMethods toolMethods;

    CandidateFilter(ToolMethods toolMethods) {
        this.toolMethods = toolMethods;
    }

    /** False for the JDK's and the agent's own classes, which are never woven whatever their bytes say. */
    static boolean mayWeave(String internalName) {
        if (internalName == null) {
            return false;
        }
        for (String prefix : NEVER) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    boolean isCandidate(String internalName, byte[] bytes) {
        if (bytes == null || !mayWeave(internalName)) {
            return false;
        }
        return contains(bytes, TOOL_DESCRIPTOR_SUFFIX) || toolMethods.mightBeInstrumented(internalName.replace('/', '.'));
    }

    /** Whether an {@code instrument:} entry could select the class by its name alone (its bytes unknown). */
    boolean mightBeInstrumented(String internalName) {
        return mayWeave(internalName) && toolMethods.mightBeInstrumented(internalName.replace('/', '.'));
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
