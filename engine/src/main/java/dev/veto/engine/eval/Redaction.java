package dev.veto.engine.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks the policy's {@code redact:} paths in a copy of the arguments or the context, for the decision log
 * and a reviewer's screen. Nested maps on a redacted path are copied; the caller's maps are never changed.
 *
 * <p>PLUG-IN POINT: engine-infra's {@code dev.veto.engine.log.Redactor} replaces this once it is on main.
 */
public final class Redaction {

    /** What a masked value reads as. */
    public static final String MASK = "***";

    private Redaction() {
    }

    /**
     * @param root {@code arguments} or {@code context}: only paths under it apply
     */
    public static Map<String, Object> mask(Map<String, ?> values, List<String> paths, String root) {
        Map<String, Object> copy = values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
        String prefix = root + ".";
        for (String path : paths) {
            if (path.startsWith(prefix)) {
                maskPath(copy, path.substring(prefix.length()).split("\\."), 0);
            }
        }
        return copy;
    }

    private static void maskPath(Map<String, Object> map, String[] segments, int i) {
        String key = segments[i];
        if (!map.containsKey(key)) {
            return;
        }
        if (i == segments.length - 1) {
            map.put(key, MASK);
            return;
        }
        if (map.get(key) instanceof Map<?, ?> nested) {
            Map<String, Object> copy = new LinkedHashMap<>();
            nested.forEach((k, v) -> copy.put(String.valueOf(k), v));
            map.put(key, copy);
            maskPath(copy, segments, i + 1);
        }
    }
}
