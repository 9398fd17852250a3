package dev.veto.engine.match.semantic;

import dev.veto.engine.match.OperatorCompiler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators that understand their values, by name, for the operator registry: {@code path_within},
 * {@code path_not_within}, {@code host_in}, {@code host_not_in}, {@code scheme_in}, {@code port_in},
 * {@code ip_private}, {@code sql}, {@code email_domain_in}, {@code email_domain_not_in}, {@code min},
 * {@code max}, {@code multiple_of}, {@code charset}. Their semantics are written down in the README's
 * policy reference ("Argument matchers that understand their values").
 */
public final class SemanticOperators {

    /** Every semantic operator's name, in the order of {@link #all()}. */
    public static final List<String> NAMES = List.of(
            "path_not_within", "path_within",
            "host_in", "host_not_in", "ip_private", "port_in", "scheme_in",
            "sql",
            "email_domain_in", "email_domain_not_in",
            "max", "min", "multiple_of",
            "charset");

    private SemanticOperators() {
    }

    /**
     * The compiler of one operator, or null when none has that name. Only that operator's family is loaded:
     * a policy that names none of them costs the engine's start-up none of their classes.
     */
    public static OperatorCompiler find(String name) {
        return switch (name) {
            case "path_within", "path_not_within" -> PathMatchers.operators().get(name);
            case "host_in", "host_not_in", "scheme_in", "port_in", "ip_private" -> UrlMatchers.operators().get(name);
            case "sql" -> SqlMatcher::compile;
            case "email_domain_in", "email_domain_not_in" -> EmailMatchers.operators().get(name);
            case "min", "max", "multiple_of" -> NumberMatchers.operators().get(name);
            case "charset" -> CharsetMatcher::compile;
            default -> null;
        };
    }

    /** Operator name to compiler, for every name in {@link #NAMES}; unmodifiable, in a stable order. */
    public static Map<String, OperatorCompiler> all() {
        Map<String, OperatorCompiler> all = new LinkedHashMap<>();
        for (String name : NAMES) {
            all.put(name, find(name));
        }
        return Collections.unmodifiableMap(all);
    }
}
