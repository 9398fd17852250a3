package dev.veto.agent.weave;

import java.io.IOException;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Finds the class files of the shared {@code dev.veto.*} classes (the annotations) in the agent jar, for
 * class loaders that cannot: a loader whose parent is the bootstrap loader does not find resources that
 * were appended to the bootstrap class path at runtime, so without this the weaver could not resolve
 * {@code @dev.veto.Tool} on the classes of an isolated loader and would not see them as tools.
 */
final class SharedClassLocator implements ClassFileLocator {

    private final ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(SharedClassLocator.class.getClassLoader());

    @Override
    public Resolution locate(String name) throws IOException {
        boolean shared = name.startsWith("dev.veto.") && name.indexOf('.', "dev.veto.".length()) < 0;
        return shared ? agentClasses.locate(name) : new Resolution.Illegal(name);
    }

    @Override
    public void close() {
        // the agent's own class loader is never closed
    }
}
