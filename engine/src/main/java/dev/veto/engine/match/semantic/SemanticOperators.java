package dev.veto.engine.match.semantic;

import dev.veto.engine.match.OperatorCompiler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operators that understand their values, by name, for the operator registry: {@code path_within},
 * {@code path_not_within}, {@code host_in}, {@code host_not_in}, {@code scheme_in}, {@code port_in},
 * {@code ip_private}, {@code sql}, {@code email_domain_in}, {@code email_domain_not_in}, {@code min},
 * {@code max}, {@code multiple_of}, {@code charset}. Their semantics are written down in the README's
 * policy reference ("Argument matchers that understand their values").
 */
public final class SemanticOperators {

    private static final Map<String, OperatorCompiler> ALL = build();

    private SemanticOperators() {
    }

    /** Operator name to compiler; unmodifiable, in a stable order. */
    public static Map<String, OperatorCompiler> all() {
        return ALL;
    }

    private static Map<String, OperatorCompiler> build() {
        Map<String, OperatorCompiler> all = new LinkedHashMap<>();
        all.putAll(new TreeMap<>(PathMatchers.operators()));
        all.putAll(new TreeMap<>(UrlMatchers.operators()));
        all.put("sql", SqlMatcher::compile);
        all.putAll(new TreeMap<>(EmailMatchers.operators()));
        all.putAll(new TreeMap<>(NumberMatchers.operators()));
        all.put("charset", CharsetMatcher::compile);
        return Collections.unmodifiableMap(all);
    }
}
