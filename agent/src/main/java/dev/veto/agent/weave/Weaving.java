package dev.veto.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.veto.bootstrap.VetoBridge;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the weaving: which classes are looked at, how they are read and how they are changed.
 *
 * <ul>
 *   <li>Classes are pre-filtered on their raw bytes ({@link CandidateFilter}), so only classes that could
 *       hold a tool are parsed at all.</li>
 *   <li>Types are read with the extended pool, which also reads local variable tables: the parameter
 *       names of classes compiled with {@code -g} but without {@code -parameters}.</li>
 *   <li>No class format change (no added fields or methods, inlined advice only), so classes already
 *       loaded can be retransformed when the agent is attached to a running JVM.</li>
 * </ul>
 */
public final class Weaving {

    private Weaving() {
    }

    /**
     * @param retransformLoaded whether to weave classes that are already loaded (attach at runtime)
     */
    public static ResettableClassFileTransformer install(Instrumentation instrumentation, ToolMethods toolMethods,
            ToolSites sites, WeaveReport report, boolean retransformLoaded) {
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.PoolStrategy.Default.EXTENDED)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(AgentBuilder.LocationStrategy.ForClassLoader.STRONG.withFallbackTo(new SharedClassLocator()))
                .with(report)
                .with(transformer -> new CandidateFilter(transformer, toolMethods))
                .assureReadEdgeTo(instrumentation, VetoBridge.class);
        if (retransformLoaded) {
            builder = builder
                    .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                    .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE);
        }
        return builder
                .ignore(nameStartsWith("java.")
                        .or(nameStartsWith("jdk."))
                        .or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun."))
                        .or(nameStartsWith("dev.veto.shaded."))
                        .or(nameStartsWith("dev.veto.agent."))
                        .or(nameStartsWith("dev.veto.engine."))
                        .or(nameStartsWith("dev.veto.bootstrap."))
                        .<TypeDescription>or(isSynthetic()))
                .type(declaresTool(toolMethods))
                .transform(new ToolWeaver(toolMethods, sites, report))
                .installOn(instrumentation);
    }

    private static ElementMatcher<TypeDescription> declaresTool(ToolMethods toolMethods) {
        return new ElementMatcher<>() {
            @Override
            public boolean matches(TypeDescription type) {
                return toolMethods.declaresTool(type);
            }

            @Override
            public String toString() {
                return "declaresTool()";
            }
        };
    }
}
