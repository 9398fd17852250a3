package dev.veto.agent.weave;

import dev.veto.bootstrap.VetoBridge;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * The agent's class file transformer: the raw-bytes {@link CandidateFilter} first, then the
 * {@link ToolWeaver} for the few classes that pass it. A class that cannot be read or woven is reported and
 * loaded as it was, never half-woven: the JVM keeps the original bytes when a transformer returns null.
 */
final class ToolTransformer implements ClassFileTransformer {

    private final Instrumentation instrumentation;
    private final CandidateFilter filter;
    private final ToolWeaver weaver;
    private final WeaveReport report;

    ToolTransformer(Instrumentation instrumentation, ToolMethods toolMethods, ToolSites sites, WeaveReport report) {
        this.instrumentation = instrumentation;
        this.filter = new CandidateFilter(toolMethods);
        this.weaver = new ToolWeaver(toolMethods, sites, report);
        this.report = report;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!filter.isCandidate(className, classfileBuffer)) {
            return null;
        }
        try {
            byte[] woven = weaver.weave(classfileBuffer, loader, classBeingRedefined);
            if (woven != null) {
                assureReadsBridge(module);
            }
            return woven;
        } catch (Throwable error) {
            report.failed(className.replace('/', '.'), error);
            return null;
        }
    }

    /** A woven class in a named module must be able to read the bridge's (unnamed, bootstrap) module. */
    private void assureReadsBridge(Module module) {
        Module bridge = VetoBridge.class.getModule();
        if (module != null && module.isNamed() && !module.canRead(bridge)) {
            instrumentation.redefineModule(module, Set.of(bridge), Map.of(), Map.of(), Set.of(), Map.of());
        }
    }
}
