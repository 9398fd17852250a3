package dev.veto.engine;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, under a random key of this JVM's own, over a tool name and its arguments in a canonical form
 * (map keys sorted, strings quoted), so that a reviewer's approval binds to exactly the call they saw. Keyed
 * because the hash covers the unredacted arguments and reviewers see it beside every unmasked one: a plain
 * digest would let a reviewer confirm guesses of a masked value (a card number, a PIN) offline. A held call
 * lives in one JVM, so its hash never needs to match another's. A structure that refers back to itself is cut
 * where it does ({@code <cycle>}), and the canonical text stops at a fixed size and depth, so no argument
 * graph (a JPA entity with its back-references, say) can make hashing slow.
 *
 * <p>It runs whenever a held call's hash is read (a channel showing the call, an answer being checked),
 * never when the call is held. It keeps its own work small all the same: map entries are sorted in an array
 * rather than a TreeMap, and the containers on the way down are an array rather than an identity set.
 */
final class CallHash {

    private static final int MAX_DEPTH = 32;
    private static final int MAX_CHARS = 1 << 20;

    /** This JVM's key, made when the first hash is read (never on the path of a call being held). */
    private static final class Key {
        static final SecretKeySpec KEY = make();

        private static SecretKeySpec make() {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return new SecretKeySpec(key, "HmacSHA256");
        }
    }

    private CallHash() {
    }

    /**
     * The hash, or null when the arguments cannot be read now (a map changed by another thread while it is
     * walked, say): nothing can bind to a call whose hash is unknown.
     */
    static String ofOrNull(String tool, Map<String, ?> arguments) {
        try {
            return of(tool, arguments);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String of(String tool, Map<String, ?> arguments) {
        StringBuilder canonical = new StringBuilder(256);
        // ancestors[d] is the container being written at depth d: the way down from the root, for cycles.
        Object[] ancestors = new Object[MAX_DEPTH + 1];
        write(canonical, tool, 0, ancestors);
        canonical.append('\n');
        write(canonical, arguments, 0, ancestors);
        return keyed(canonical.toString());
    }

    /** HMAC-SHA256 of the canonical text under this JVM's key, in lower-case hex. */
    static String keyed(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(Key.KEY);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static void write(StringBuilder out, Object value, int depth, Object[] ancestors) {
        if (depth > MAX_DEPTH || out.length() > MAX_CHARS) {
            out.append("<cut>");
        } else if (value instanceof String text) {
            // the common leaves first: an exact class test, cheaper than the interface tests of isContainer
            quoted(out, text);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (isContainer(value)) {
            for (int i = 0; i < depth; i++) {
                if (ancestors[i] == value) {
                    out.append("<cycle>");
                    return;
                }
            }
            ancestors[depth] = value;
            writeContainer(out, value, depth, ancestors);
            ancestors[depth] = null;
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            quoted(out, value.toString());
        } else {
            try {
                out.append(value);
            } catch (RuntimeException | StackOverflowError e) {
                out.append('<').append(value.getClass().getName()).append('>');
            }
        }
    }

    private static void quoted(StringBuilder out, String text) {
        out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }

    private static boolean isContainer(Object value) {
        return value instanceof Map<?, ?> || value instanceof Collection<?> || value != null && value.getClass().isArray();
    }

    private static void writeContainer(StringBuilder out, Object value, int depth, Object[] ancestors) {
        if (value instanceof Map<?, ?> map) {
            Entry[] entries = sortedEntries(map);
            out.append('{');
            for (int i = 0; i < entries.length; i++) {
                if (i + 1 < entries.length && entries[i + 1].key.equals(entries[i].key)) {
                    continue; // two keys with one text ("1" and 1): the later one counts, as a sorted map keeps it
                }
                write(out, entries[i].key, depth + 1, ancestors);
                out.append(':');
                write(out, entries[i].value, depth + 1, ancestors);
                out.append(',');
            }
            out.append('}');
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            for (Object item : collection) {
                write(out, item, depth + 1, ancestors);
                out.append(',');
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                write(out, Array.get(value, i), depth + 1, ancestors);
                out.append(',');
            }
            out.append(']');
        }
    }

    /** One map entry with its key as text. */
    private record Entry(String key, Object value) {
    }

    /** The entries in key order; equal keys stay in the map's order (the sort is stable). */
    private static Entry[] sortedEntries(Map<?, ?> map) {
        List<Entry> entries = new ArrayList<>(map.size());
        map.forEach((k, v) -> entries.add(new Entry(String.valueOf(k), v)));
        Entry[] sorted = entries.toArray(new Entry[0]);
        Arrays.sort(sorted, (a, b) -> a.key.compareTo(b.key));
        return sorted;
    }
}
