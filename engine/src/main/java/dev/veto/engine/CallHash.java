package dev.veto.engine;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SHA-256 over a tool name and its arguments in a canonical form (map keys sorted, strings quoted), so that
 * a reviewer's approval binds to exactly the call they saw. A structure that refers back to itself is cut
 * where it does ({@code <cycle>}), and the canonical text stops at a fixed size and depth, so no argument
 * graph (a JPA entity with its back-references, say) can make hashing slow.
 */
final class CallHash {

    private static final int MAX_DEPTH = 32;
    private static final int MAX_CHARS = 1 << 20;

    private CallHash() {
    }

    static String of(String tool, Map<String, ?> arguments) {
        StringBuilder canonical = new StringBuilder();
        Set<Object> path = Collections.newSetFromMap(new IdentityHashMap<>());
        write(canonical, tool, 0, path);
        canonical.append('\n');
        write(canonical, arguments, 0, path);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void write(StringBuilder out, Object value, int depth, Set<Object> path) {
        if (depth > MAX_DEPTH || out.length() > MAX_CHARS) {
            out.append("<cut>");
        } else if (isContainer(value)) {
            if (!path.add(value)) {
                out.append("<cycle>");
                return;
            }
            writeContainer(out, value, depth, path);
            path.remove(value);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            out.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            try {
                out.append(value);
            } catch (RuntimeException | StackOverflowError e) {
                out.append('<').append(value.getClass().getName()).append('>');
            }
        }
    }

    private static boolean isContainer(Object value) {
        return value instanceof Map<?, ?> || value instanceof Collection<?> || value != null && value.getClass().isArray();
    }

    private static void writeContainer(StringBuilder out, Object value, int depth, Set<Object> path) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            sorted.forEach((k, v) -> {
                write(out, k, depth + 1, path);
                out.append(':');
                write(out, v, depth + 1, path);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            for (Object item : collection) {
                write(out, item, depth + 1, path);
                out.append(',');
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                write(out, Array.get(value, i), depth + 1, path);
                out.append(',');
            }
            out.append(']');
        }
    }
}
