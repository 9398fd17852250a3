package dev.veto.agent.weave;

import java.util.List;

/**
 * What the agent governs in one class, found once by {@link ToolMethods#toolsOf} for both the weaver and the
 * CLI's {@code scan}, which must find exactly what the agent weaves.
 *
 * @param declared  the class's own methods that are tools
 * @param inherited the methods it inherits that a {@code subtypes_of} entry selects and that can be given an
 *                  override ({@link InheritedOverride})
 * @param warnings  why something the policy or an annotation asks for is not governed in this class, each
 *                  said as the agent says it on stderr (after {@code veto: WARNING: })
 */
public record ClassTools(List<Declared> declared, List<InheritedTools.Inherited> inherited, List<String> warnings) {

    public ClassTools {
        declared = List.copyOf(declared);
        inherited = List.copyOf(inherited);
        warnings = List.copyOf(warnings);
    }

    /** A method the class declares, and the tool it is. */
    public record Declared(MethodShape method, ToolBinding binding) {
    }
}
