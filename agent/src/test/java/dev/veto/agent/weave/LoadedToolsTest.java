package dev.veto.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * On attach, the loaded classes to retransform. A class whose class file its loader cannot give back (it was
 * defined from bytes: a script engine, a plugin loader, generated code) used to be picked only when a
 * method carried a tool annotation, so a class that an instrument: entry names was left unwoven and its
 * method ran unguarded after the attach.
 */
class LoadedToolsTest {

    /** A class named by an instrument: entry only (no annotation), as generated code would be. */
    private static final String LEGACY = "legacy.GeneratedBilling";

    @Test
    void aClassWithoutAClassFileIsPickedWhenAnInstrumentEntryNamesIt() throws Exception {
        Class<?> defined = defineWithoutResources(LEGACY);
        ToolMethods named = new ToolMethods(List.of(new InstrumentRule(LEGACY, null, "refund", null, "refund", null)));
        ToolMethods none = new ToolMethods(List.of());

        assertEquals(List.of(defined), Arrays.asList(new LoadedTools(new CandidateFilter(named)).among(loaded(defined))));
        assertEquals(List.of(), Arrays.asList(new LoadedTools(new CandidateFilter(none)).among(loaded(defined))));
    }

    /** Defines the class in a loader whose parent is the platform loader, so no resource gives its class file back. */
    private static Class<?> defineWithoutResources(String name) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name.replace('.', '/'), null, "java/lang/Object", null);
        MethodVisitor refund = writer.visitMethod(Opcodes.ACC_PUBLIC, "refund", "(Ljava/lang/String;)Ljava/lang/String;", null, null);
        refund.visitCode();
        refund.visitVarInsn(Opcodes.ALOAD, 1);
        refund.visitInsn(Opcodes.ARETURN);
        refund.visitMaxs(0, 0);
        refund.visitEnd();
        writer.visitEnd();
        byte[] bytes = writer.toByteArray();
        return new ClassLoader(ClassLoader.getPlatformClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
    }

    private static Instrumentation loaded(Class<?>... classes) {
        return new Instrumentation() {
            @Override public Class<?>[] getAllLoadedClasses() { return classes; }
            @Override public boolean isModifiableClass(Class<?> theClass) { return true; }
            @Override public void addTransformer(ClassFileTransformer transformer, boolean canRetransform) { }
            @Override public void addTransformer(ClassFileTransformer transformer) { }
            @Override public boolean removeTransformer(ClassFileTransformer transformer) { return false; }
            @Override public boolean isRetransformClassesSupported() { return true; }
            @Override public void retransformClasses(Class<?>... classes) { }
            @Override public boolean isRedefineClassesSupported() { return true; }
            @Override public void redefineClasses(ClassDefinition... definitions) { }
            @Override public Class<?>[] getInitiatedClasses(ClassLoader loader) { return new Class<?>[0]; }
            @Override public long getObjectSize(Object objectToSize) { return 0; }
            @Override public void appendToBootstrapClassLoaderSearch(JarFile jarfile) { }
            @Override public void appendToSystemClassLoaderSearch(JarFile jarfile) { }
            @Override public boolean isNativeMethodPrefixSupported() { return false; }
            @Override public void setNativeMethodPrefix(ClassFileTransformer transformer, String prefix) { }
            @Override public void redefineModule(Module module, java.util.Set<Module> extraReads,
                    java.util.Map<String, java.util.Set<Module>> extraExports, java.util.Map<String, java.util.Set<Module>> extraOpens,
                    java.util.Set<Class<?>> extraUses, java.util.Map<Class<?>, List<Class<?>>> extraProvides) { }
            @Override public boolean isModifiableModule(Module module) { return true; }
        };
    }
}
