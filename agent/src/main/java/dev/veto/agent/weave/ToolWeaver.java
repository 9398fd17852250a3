package dev.veto.agent.weave;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;

/**
 * Weaves the check ({@link CheckInjector}) into each tool method of a class file, with the method's site
 * id as a constant. The tool name and argument names are resolved here, once, and kept in the
 * {@link ToolSite}. Every other method is copied byte for byte.
 */
final class ToolWeaver {

    private final ToolMethods toolMethods;
    private final ToolSites sites;
    private final WeaveReport report;

    ToolWeaver(ToolMethods toolMethods, ToolSites sites, WeaveReport report) {
        this.toolMethods = toolMethods;
        this.sites = sites;
        this.report = report;
    }

    /** The woven class file, or null when the class has no tool method (it is then left as it is). */
    byte[] weave(byte[] classFile, ClassLoader loader) {
        ClassShape type = ClassShape.of(classFile);
        TypeHierarchy hierarchy = TypeHierarchy.of(loader);
        Map<String, Woven> tools = new HashMap<>();
        for (MethodShape method : type.methods()) {
            ToolBinding binding = toolMethods.bindingFor(type, method, hierarchy);
            if (binding != null) {
                tools.put(method.name() + method.descriptor(), new Woven(method, binding));
            }
        }
        for (InstrumentRule idle : toolMethods.exactEntriesSelectingNothing(type)) {
            report.selectsNothing(type.name(), idle);
        }
        if (tools.isEmpty()) {
            return null;
        }
        for (Woven tool : tools.values()) {
            tool.site = sites.register(tool.binding.tool(), ParameterNames.resolve(tool.method, tool.binding.parameters()),
                    type.name(), tool.method.name() + tool.method.descriptor(), loader);
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0); // frames stay valid (see CheckInjector): copied, not computed
        reader.accept(new ClassVisitor(ClassShapeReader.ASM_API, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
                Woven tool = tools.get(name + descriptor);
                return tool == null ? target : new CheckInjector(target, tool.method, tool.site.id());
            }
        }, 0);
        byte[] woven = writer.toByteArray();
        for (Woven tool : tools.values()) {
            report.woven(tool.site, tool.binding.source());
        }
        return woven;
    }

    /** A tool method of the class being woven, and its site once registered. */
    private static final class Woven {
        final MethodShape method;
        final ToolBinding binding;
        ToolSite site;

        Woven(MethodShape method, ToolBinding binding) {
            this.method = method;
            this.binding = binding;
        }
    }
}
