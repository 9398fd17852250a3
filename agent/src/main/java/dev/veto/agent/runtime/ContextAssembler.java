package dev.veto.agent.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds the context the policy sees as {@code context.*}, from three layers, later ones winning on the
 * same key:
 * <ol>
 *   <li>static context from the agent's configuration ({@code context.environment=prod}): deployment-wide
 *       facts, the defaults;</li>
 *   <li>the SLF4J MDC of the calling thread: request-scoped facts a framework or filter already put there
 *       ({@code userId}, {@code tenant});</li>
 *   <li>{@code VetoContext} of the calling thread: what the application set explicitly for authorization.
 *       The most specific and deliberate source, so it has the last word.</li>
 * </ol>
 * When only one layer has entries its map is used as is: no copy on the common path.
 */
final class ContextAssembler {

    private final Map<String, Object> staticContext;

    ContextAssembler(Map<String, ?> staticContext) {
        this.staticContext = Map.copyOf(staticContext);
    }

    Map<String, Object> assemble(Map<?, ?> mdc, Map<?, ?> vetoContext) {
        boolean hasMdc = mdc != null && !mdc.isEmpty();
        boolean hasVeto = vetoContext != null && !vetoContext.isEmpty();
        if (!hasMdc && !hasVeto) {
            return staticContext;
        }
        if (!hasMdc && staticContext.isEmpty()) {
            return asStringKeyed(vetoContext);
        }
        Map<String, Object> merged = new HashMap<>(staticContext);
        putAll(merged, mdc);
        putAll(merged, vetoContext);
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringKeyed(Map<?, ?> map) {
        return (Map<String, Object>) map; // VetoContext's keys are Strings by its signature
    }

    private static void putAll(Map<String, Object> into, Map<?, ?> from) {
        if (from == null) {
            return;
        }
        for (Map.Entry<?, ?> entry : from.entrySet()) {
            if (entry.getKey() != null) {
                into.put(entry.getKey().toString(), entry.getValue());
            }
        }
    }
}
