package dev.veto.agent.weave;

import dev.veto.engine.policy.InstrumentEntry;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the policy's {@code instrument:} section: which methods of classes that carry no tool
 * annotation are tools, and under which name.
 *
 * @param classPattern   the class's binary name, exact or a glob ({@code com.acme.*Repository}: {@code *}
 *                       any run of characters, {@code ?} one), or null when {@code subtypesOf} selects
 * @param subtypesOf     an interface or class whose subtypes are selected, or null
 * @param method         the method's name
 * @param parameterTypes the parameter types' binary names ({@code java.lang.String}, {@code long},
 *                       {@code java.lang.String[]}), or null to match every overload
 * @param tool           the tool's name in the policy
 * @param parameters     the parameters' names in the argument map, for classes compiled without them; or null
 */
public record InstrumentRule(
        String classPattern,
        String subtypesOf,
        String method,
        List<String> parameterTypes,
        String tool,
        List<String> parameters) {

    public InstrumentRule {
        parameterTypes = parameterTypes == null ? null : List.copyOf(parameterTypes);
        parameters = parameters == null ? null : List.copyOf(parameters);
    }

    /** The rules of a policy's {@code instrument:} entries; an entry without {@code tool:} names the tool by its method. */
    public static List<InstrumentRule> of(List<InstrumentEntry> entries) {
        return entries.stream()
                .map(entry -> new InstrumentRule(entry.classPattern(), entry.subtypesOf(), entry.method(),
                        entry.parameterTypes(), entry.tool() == null ? entry.method() : entry.tool(), entry.parameters()))
                .toList();
    }

    /** True when the class name needs a pattern match rather than equality. */
    boolean classIsGlob() {
        return classPattern != null && (classPattern.indexOf('*') >= 0 || classPattern.indexOf('?') >= 0);
    }

    /** The glob as a regular expression; compiled once, when the agent starts. */
    Pattern classRegex() {
        StringBuilder regex = new StringBuilder();
        for (char c : classPattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
