package dev.veto.agent.weave;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;

/**
 * Weaves the check ({@link CheckInjector}) into each tool method of a class file, with the method's site
 * id as a constant. The tool name and argument names are resolved here, once, and kept in the
 * {@link ToolSite}. Every other method is copied byte for byte. A method that a {@code subtypes_of} entry
 * selects but the class inherits from a superclass the entry does not select gets an override carrying
 * the check ({@link InheritedOverride}).
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

    /** {@link #weave(byte[], ClassLoader, Class)} for a class being loaded. */
    byte[] weave(byte[] classFile, ClassLoader loader) {
        return weave(classFile, loader, null);
    }

    /**
     * The woven class file, or null when the class has no tool method (it is then left as it is).
     *
     * @param redefined the class when it is already loaded and being retransformed (the agent attached
     *                  later, or another agent retransforms it), else null: a loaded class can gain no method,
     *                  and must keep each override it was given when it was loaded
     */
    byte[] weave(byte[] classFile, ClassLoader loader, Class<?> redefined) {
        ClassShape type = ClassShape.of(classFile);
        TypeHierarchy hierarchy = TypeHierarchy.of(loader);
        ClassTools found = toolMethods.toolsOf(type, hierarchy);
        found.warnings().forEach(report::warning);
        Map<String, Woven> tools = new HashMap<>();
        for (ClassTools.Declared tool : found.declared()) {
            tools.put(tool.method().name() + tool.method().descriptor(), new Woven(tool.method(), tool.binding(), null, null));
        }
        List<Woven> overrides = overridesOfInherited(found.inherited(), type, hierarchy, redefined);
        if (tools.isEmpty() && overrides.isEmpty()) {
            return null;
        }
        List<Woven> all = new ArrayList<>(tools.values());
        all.addAll(overrides);
        for (Woven tool : all) {
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

            @Override
            public void visitEnd() {
                for (Woven override : overrides) {
                    InheritedOverride.write(writer, override.inherited.callThrough().replace('.', '/'),
                            override.inherited.throughInterface(), override.method, override.declaringFile, override.site.id());
                }
                super.visitEnd();
            }
        }, 0);
        byte[] woven = writer.toByteArray();
        for (Woven tool : all) {
            report.woven(tool.site, tool.binding.source());
        }
        return woven;
    }

    /**
     * The overrides to add for the inherited methods {@link ToolMethods#toolsOf} found: each one that cannot be
     * added here (the class is already loaded, the declaring class file cannot be read) is a warning, since it
     * runs ungoverned.
     */
    private List<Woven> overridesOfInherited(List<InheritedTools.Inherited> found, ClassShape type,
            TypeHierarchy hierarchy, Class<?> redefined) {
        List<Woven> overrides = new ArrayList<>();
        Set<String> loadedMethods = null;
        for (InheritedTools.Inherited inherited : found) {
            String obstacle = null;
            byte[] declaringFile = hierarchy.classFile(inherited.declaringClass()).orElse(null);
            if (redefined != null && loadedMethods == null) {
                loadedMethods = declaredMethods(redefined);
            }
            MethodShape method = inherited.method();
            if (obstacle == null && loadedMethods != null && !loadedMethods.contains(method.name() + method.descriptor())) {
                obstacle = "the class was already loaded when the agent attached, and a loaded class cannot gain a method";
            }
            if (obstacle == null && declaringFile == null) {
                obstacle = "the class file of " + inherited.declaringClass() + " cannot be read";
            }
            if (obstacle != null) {
                report.warning(WeaveReport.inheritedUngovernedMessage(type.name(), inherited, obstacle));
            } else {
                overrides.add(new Woven(inherited.method(), inherited.binding(), declaringFile, inherited));
            }
        }
        return overrides;
    }

    /**
     * The name and descriptor of each method the loaded class declares (the overrides it was given when it was
     * loaded among them); empty when reflection cannot say, so that no method is added to it.
     */
    private static Set<String> declaredMethods(Class<?> loaded) {
        Set<String> declared = new HashSet<>();
        try {
            for (Method method : loaded.getDeclaredMethods()) {
                declared.add(method.getName() + Type.getMethodDescriptor(method));
            }
        } catch (RuntimeException | LinkageError unresolvable) {
            declared.clear();
        }
        return declared;
    }

    /**
     * A tool method of the class being woven, or an override to add for an inherited one (with the class file
     * that declares it), and its site once registered.
     */
    private static final class Woven {
        final MethodShape method;
        final ToolBinding binding;
        final byte[] declaringFile;
        final InheritedTools.Inherited inherited;
        ToolSite site;

        Woven(MethodShape method, ToolBinding binding, byte[] declaringFile, InheritedTools.Inherited inherited) {
            this.method = method;
            this.binding = binding;
            this.declaringFile = declaringFile;
            this.inherited = inherited;
        }
    }
}
