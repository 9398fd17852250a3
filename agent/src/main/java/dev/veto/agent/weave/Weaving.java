package dev.veto.agent.weave;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;

/**
 * Installs the weaving: a plain {@link ToolTransformer} whose raw-bytes pre-filter decides before anything
 * else is loaded. It weaves with ASM (the copy inside the shaded Byte Buddy) rather than Byte Buddy's
 * {@code AgentBuilder}, whose installation alone loaded about a thousand classes and took most of the
 * second the agent used to add to the JVM's start-up.
 *
 * <p>No class format change (inlined check only), so classes already loaded can be retransformed when the
 * agent is attached to a running JVM.
 */
public final class Weaving {

    private Weaving() {
    }

    /**
     * @param retransformLoaded whether to weave classes that are already loaded (attach at runtime)
     */
    public static void install(Instrumentation instrumentation, ToolMethods toolMethods, ToolSites sites,
            WeaveReport report, boolean retransformLoaded) {
        ToolTransformer transformer = new ToolTransformer(instrumentation, toolMethods, sites, report);
        instrumentation.addTransformer(transformer, retransformLoaded);
        if (retransformLoaded) {
            retransform(instrumentation, new LoadedTools(new CandidateFilter(toolMethods)).among(instrumentation), report);
        }
    }

    /**
     * Classes loaded after {@code addTransformer} pass through the transformer anyway; these were loaded
     * before it. One batch, else one by one so that a class the JVM refuses does not keep the others unwoven.
     */
    private static void retransform(Instrumentation instrumentation, Class<?>[] classes, WeaveReport report) {
        if (classes.length == 0) {
            return;
        }
        try {
            instrumentation.retransformClasses(classes);
        } catch (UnmodifiableClassException | RuntimeException | LinkageError batchFailed) {
            for (Class<?> type : classes) {
                try {
                    instrumentation.retransformClasses(type);
                } catch (UnmodifiableClassException | RuntimeException | LinkageError error) {
                    report.failed(type.getName(), error);
                }
            }
        }
    }
}
