package dev.veto.agent.runtime;

import dev.veto.VetoContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * Reads one per-thread context map as the tool's class loader sees it: {@code VetoContext.current()} or the
 * SLF4J {@code MDC}. Built once per class loader; at call time it is a direct call or one cached
 * {@link MethodHandle} invocation, never a reflective lookup.
 */
interface ContextReader {

    /** The map, or null/empty when there is nothing. */
    Map<?, ?> read() throws Throwable;

    ContextReader NONE = () -> null;

    /**
     * The application's {@code org.slf4j.MDC}, spelled in pieces: the shade plugin rewrites every string
     * constant that starts with {@code org.slf4j} to the agent's relocated copy, whose MDC is always empty.
     */
    String APPLICATION_MDC = String.join(".", "org", "slf4j", "MDC");

    ContextReader VETO_CONTEXT = VetoContext::current;

    /**
     * {@code VetoContext} as {@code loader} resolves it. Normally that is the one on the bootstrap path (the
     * same class as ours); when the agent was attached after the application had loaded its own copy, it is
     * that copy, reached through a method handle so the application's scopes are seen.
     */
    static ContextReader vetoContext(ClassLoader loader) {
        Class<?> type = LoaderClasses.find("dev.veto.VetoContext", loader);
        if (type == null || type == VetoContext.class) {
            return VETO_CONTEXT;
        }
        MethodHandle current = LoaderClasses.staticGetter(type, "current", MethodType.methodType(Map.class));
        return current == null ? VETO_CONTEXT : () -> (Map<?, ?>) current.invoke();
    }

    /**
     * SLF4J's {@code MDC.getCopyOfContextMap()} when {@code org.slf4j.MDC} is visible from {@code loader}
     * (the application uses SLF4J), else nothing. Read reflectively: the agent has no SLF4J dependency of its
     * own that could clash (its own SLF4J is relocated).
     */
    static ContextReader mdc(ClassLoader loader) {
        Class<?> mdc = LoaderClasses.find(APPLICATION_MDC, loader);
        if (mdc == null) {
            return NONE;
        }
        MethodHandle copy = LoaderClasses.staticGetter(mdc, "getCopyOfContextMap", MethodType.methodType(Map.class));
        return copy == null ? NONE : () -> (Map<?, ?>) copy.invoke();
    }

    /** Class and method look-ups in a given loader; used once per class loader, never per call. */
    final class LoaderClasses {

        private LoaderClasses() {
        }

        static Class<?> find(String name, ClassLoader loader) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return null;
            }
        }

        static MethodHandle staticGetter(Class<?> type, String name, MethodType methodType) {
            try {
                return MethodHandles.publicLookup().findStatic(type, name, methodType);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
