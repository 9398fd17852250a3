package dev.veto.agent.weave;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * When the agent attaches to a running JVM: the already loaded classes that may hold a tool, to be
 * retransformed. Each is judged like a class being loaded, by the {@link CandidateFilter} on its class
 * file (read through its class loader); a class without a class file (generated at runtime) by whether an
 * {@code instrument:} entry could name it or a declared method carries a tool annotation.
 */
final class LoadedTools {

    private final CandidateFilter filter;

    LoadedTools(CandidateFilter filter) {
        this.filter = filter;
    }

    Class<?>[] among(Instrumentation instrumentation) {
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            String internalName = type.getName().replace('.', '/');
            if (!type.isArray() && !type.isPrimitive() && !type.isHidden() && CandidateFilter.mayWeave(internalName)
                    && instrumentation.isModifiableClass(type) && mayHoldTool(type, internalName)) {
                candidates.add(type);
            }
        }
        return candidates.toArray(new Class<?>[0]);
    }

    private boolean mayHoldTool(Class<?> type, String internalName) {
        byte[] classFile = classFileOf(type, internalName);
        return classFile != null ? filter.isCandidate(internalName, classFile)
                : filter.mightBeInstrumented(internalName) || hasAnnotatedTool(type);
    }

    private static byte[] classFileOf(Class<?> type, String internalName) {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getPlatformClassLoader();
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static boolean hasAnnotatedTool(Class<?> type) {
        try {
            for (Method method : type.getDeclaredMethods()) {
                for (var annotation : method.getDeclaredAnnotations()) {
                    if (ToolAnnotations.TOOL.contains(annotation.annotationType().getName())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (RuntimeException | LinkageError unresolvable) {
            return true; // cannot tell without the class file: let the transformer look at its bytes
        }
    }
}
