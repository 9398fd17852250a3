package dev.veto.agent.weave;

import java.io.IOException;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves {@link ToolAdvice} into each tool method of a matched class, with the method's site id bound as
 * a constant. The tool name and argument names are resolved here, once, and kept in the {@link ToolSite}.
 */
final class ToolWeaver implements AgentBuilder.Transformer {

    private final ToolMethods toolMethods;
    private final ToolSites sites;
    private final WeaveReport report;
    private final TypeDescription adviceType;
    private final ClassFileLocator adviceLocator;

    ToolWeaver(ToolMethods toolMethods, ToolSites sites, WeaveReport report) {
        this.toolMethods = toolMethods;
        this.sites = sites;
        this.report = report;
        this.adviceType = TypeDescription.ForLoadedType.of(ToolAdvice.class);
        try {
            // Read the advice's class file once, not once per woven method.
            ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(ToolAdvice.class.getClassLoader());
            this.adviceLocator = ClassFileLocator.Simple.of(ToolAdvice.class.getName(),
                    agentClasses.locate(ToolAdvice.class.getName()).resolve());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the agent's own advice class", e);
        }
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader classLoader, JavaModule module, ProtectionDomain protectionDomain) {
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            ToolBinding binding = toolMethods.bindingFor(type, method);
            if (binding == null) {
                continue;
            }
            String[] names = ParameterNames.resolve(method, binding.parameters());
            ToolSite site = sites.register(binding.tool(), names, type.getName(),
                    method.getName() + method.getDescriptor(), classLoader);
            builder = builder.visit(Advice.withCustomMapping()
                    .bind(ToolAdvice.SiteId.class, site.id())
                    .to(adviceType, adviceLocator)
                    .on(ElementMatchers.is(method)));
            report.woven(site, binding.source());
        }
        return builder;
    }
}
