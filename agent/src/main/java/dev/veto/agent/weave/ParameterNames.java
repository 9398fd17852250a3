package dev.veto.agent.weave;

import java.util.List;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;

/**
 * The names under which a tool's arguments reach the policy ({@code arguments.<name>}), resolved once per
 * method at weave time. The first that gives a name wins:
 * <ol>
 *   <li>the {@code instrument:} entry's {@code parameters},</li>
 *   <li>{@code @dev.veto.ToolParam("name")},</li>
 *   <li>LangChain4j's {@code @P(name = "...")} (its {@code value} is a description, not a name; LangChain4j
 *       itself names the JSON argument by {@code name}, else by the compiled name),</li>
 *   <li>the compiled name: the {@code MethodParameters} attribute ({@code javac -parameters}) or the local
 *       variable table ({@code javac -g}),</li>
 *   <li>{@code arg0, arg1, ...}.</li>
 * </ol>
 */
final class ParameterNames {

    private ParameterNames() {
    }

    static String[] resolve(MethodDescription method, List<String> given) {
        List<? extends ParameterDescription> parameters = method.getParameters();
        String[] names = new String[parameters.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = nameOf(parameters.get(i), given);
        }
        return names;
    }

    private static String nameOf(ParameterDescription parameter, List<String> given) {
        int index = parameter.getIndex();
        if (given != null && index < given.size() && !given.get(index).isEmpty()) {
            return given.get(index);
        }
        for (AnnotationDescription annotation : parameter.getDeclaredAnnotations()) {
            String type = annotation.getAnnotationType().getName();
            String name = type.equals(ToolAnnotations.VETO_PARAM) ? ToolMethods.stringValue(annotation, "value")
                    : type.equals(ToolAnnotations.LANGCHAIN4J_PARAM) ? ToolMethods.stringValue(annotation, "name")
                    : null;
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return parameter.isNamed() ? parameter.getName() : "arg" + index;
    }
}
