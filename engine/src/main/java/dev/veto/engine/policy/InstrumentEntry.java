package dev.veto.engine.policy;

import java.util.List;

/**
 * One entry of {@code instrument:}: methods the agent governs though they carry no {@code @Tool}.
 *
 * @param classPattern   {@code class:} an exact class name or a glob ({@code *}, {@code ?}); null when absent
 * @param subtypesOf     {@code subtypes_of:} an interface or class whose implementations are meant; null when absent
 * @param method         {@code method:} the method's name
 * @param parameterTypes {@code parameter_types:} the parameters' type names, to pick one overload; null for any
 * @param tool           {@code tool:} the tool name the policy's rules use (the method's name when absent)
 * @param parameters     {@code parameters:} the names of the arguments in order; null to use the compiled names
 * @param line           where the entry starts in the file (1-based), for the agent's messages
 */
public record InstrumentEntry(
        String classPattern,
        String subtypesOf,
        String method,
        List<String> parameterTypes,
        String tool,
        List<String> parameters,
        int line) {
}
