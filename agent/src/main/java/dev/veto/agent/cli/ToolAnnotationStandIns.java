package dev.veto.agent.cli;

import dev.veto.agent.weave.ToolAnnotations;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Class files for the tool annotations (LangChain4j's, Spring AI's, ours) when the scanned jars do not
 * carry them. Byte Buddy's type pool drops an annotation whose type it cannot find, so without these a
 * LangChain4j tool in an application jar scanned on its own would not be listed, though the agent, which
 * sees the application's class path, governs it. A real annotation class found in the scanned jars wins:
 * this locator is asked last.
 */
final class ToolAnnotationStandIns implements ClassFileLocator {

    private final Map<String, byte[]> classFiles = new HashMap<>();

    ToolAnnotationStandIns() {
        for (String name : ToolAnnotations.TOOL) {
            classFiles.put(name, new ByteBuddy().makeAnnotation().name(name)
                    .defineMethod("name", String.class, Visibility.PUBLIC).defaultValue("", String.class)
                    .defineMethod("description", String.class, Visibility.PUBLIC).defaultValue("", String.class)
                    .defineMethod("value", String[].class, Visibility.PUBLIC).defaultValue(new String[0], String[].class)
                    .make().getBytes());
        }
    }

    @Override
    public Resolution locate(String name) {
        byte[] bytes = classFiles.get(name);
        return bytes == null ? new Resolution.Illegal(name) : new Resolution.Explicit(bytes);
    }

    @Override
    public void close() {
    }
}
