package dev.veto.agent.runtime;

import dev.veto.ToolDeniedException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Makes the exception that stops a denied call, as the tool's class loader needs it:
 * <ul>
 *   <li>normally our {@link ToolDeniedException} (the bootstrap copy, the same class the application
 *       catches);</li>
 *   <li>when LangChain4j's {@code dev.langchain4j.exception.ToolErrorVisibleToLlm} is visible from the
 *       tool's loader, a subclass of it generated once for that loader that also implements that interface
 *       ({@code messageForLlm()} returns the denial's message), so LangChain4j's
 *       {@code failInvocationUnlessVisibleToLlm()} error handler hands the refusal to the model instead of
 *       failing the whole call, without the annotations jar depending on LangChain4j;</li>
 *   <li>when the agent was attached after the application loaded its own {@code ToolDeniedException},
 *       that class (so the application's {@code catch} still matches).</li>
 * </ul>
 */
final class DenialFactory {

    static final String TOOL_DENIED = "dev.veto.ToolDeniedException";
    static final String LANGCHAIN4J_VISIBLE_TO_LLM = "dev.langchain4j.exception.ToolErrorVisibleToLlm";
    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class,
            String.class, String.class, String.class, String.class, String.class);

    static final DenialFactory PLAIN = new DenialFactory(null);

    /** The constructor to call, or null for {@code new ToolDeniedException(...)}. */
    private final MethodHandle constructor;

    private DenialFactory(MethodHandle constructor) {
        this.constructor = constructor;
    }

    static DenialFactory forLoader(ClassLoader loader) {
        Class<?> deniedType = ContextReader.LoaderClasses.find(TOOL_DENIED, loader);
        if (deniedType == null || !RuntimeException.class.isAssignableFrom(deniedType)) {
            deniedType = ToolDeniedException.class;
        }
        Class<?> visibleToLlm = ContextReader.LoaderClasses.find(LANGCHAIN4J_VISIBLE_TO_LLM, loader);
        try {
            if (visibleToLlm != null && visibleToLlm.isInterface()) {
                return new DenialFactory(constructorOf(visibleToLlmSubclass(deniedType, visibleToLlm, loader)));
            }
            return deniedType == ToolDeniedException.class ? PLAIN : new DenialFactory(constructorOf(deniedType));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            System.err.println("veto: WARNING: using the plain ToolDeniedException for class loader " + loader + ": " + e);
            return PLAIN;
        }
    }

    private static Class<?> visibleToLlmSubclass(Class<?> deniedType, Class<?> visibleToLlm, ClassLoader loader)
            throws NoSuchMethodException {
        return new ByteBuddy()
                .subclass(deniedType, ConstructorStrategy.Default.IMITATE_SUPER_CLASS_PUBLIC)
                .implement(visibleToLlm)
                .name("dev.veto.LlmVisibleToolDeniedException")
                .method(ElementMatchers.named("messageForLlm").and(ElementMatchers.takesNoArguments()))
                .intercept(MethodCall.invoke(Throwable.class.getMethod("getMessage")))
                .make()
                // A child of the tool's loader sees both the interface and ToolDeniedException (bootstrap).
                .load(loader, ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
    }

    private static MethodHandle constructorOf(Class<?> type) throws ReflectiveOperationException {
        return MethodHandles.publicLookup().findConstructor(type, CONSTRUCTOR);
    }

    RuntimeException create(String tool, Outcome outcome) {
        if (constructor != null) {
            try {
                return (RuntimeException) constructor.invoke(tool, outcome.action(), outcome.reason(),
                        outcome.ruleId(), outcome.decisionId());
            } catch (Throwable fallThrough) {
                // fall back to the plain exception: the call is denied either way
            }
        }
        return new ToolDeniedException(tool, outcome.action(), outcome.reason(), outcome.ruleId(), outcome.decisionId());
    }
}
