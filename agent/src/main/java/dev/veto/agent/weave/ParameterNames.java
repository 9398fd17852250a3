package dev.veto.agent.weave;

import java.util.List;

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

    static String[] resolve(MethodShape method, List<String> given) {
        String[] names = new String[method.arity()];
        for (int i = 0; i < names.length; i++) {
            names[i] = nameOf(method, i, given);
        }
        return names;
    }

    private static String nameOf(MethodShape method, int index, List<String> given) {
        if (given != null && index < given.size() && !given.get(index).isEmpty()) {
            return given.get(index);
        }
        for (AnnotationShape annotation : method.parameterAnnotations().get(index)) {
            String name = annotation.type().equals(ToolAnnotations.VETO_PARAM) ? annotation.nonBlank("value")
                    : annotation.type().equals(ToolAnnotations.LANGCHAIN4J_PARAM) ? annotation.nonBlank("name")
                    : null;
            if (name != null) {
                return name;
            }
        }
        String compiled = index < method.compiledNames().size() ? method.compiledNames().get(index) : null;
        return compiled != null ? compiled : "arg" + index;
    }
}
