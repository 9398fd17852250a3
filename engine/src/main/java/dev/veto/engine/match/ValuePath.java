package dev.veto.engine.match;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled path into a call: {@code arguments.customer.email}, {@code context.userId},
 * {@code arguments.items.0.sku} or {@code arguments.items[0].sku}. Parsed once at load; resolving walks
 * nested maps, lists, arrays, Optionals, records (component accessors) and beans (getters) through
 * {@link Accessors}, which caches one method handle per class and property: no reflective lookup per call.
 */
public final class ValuePath {

    /** The result of resolving a path that leads nowhere (absent key, index out of range, no such property). */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    /** Where a path starts. */
    public enum Root { ARGUMENTS, CONTEXT }

    private final String text;
    private final Root root;
    private final String[] names;
    /** The segment as a list index, or -1 when it is not a whole number. */
    private final int[] indexes;
    /** The text's hash, spread, kept here so {@link CallValues} finds the path's slot without reading the text. */
    private final int slotHash;

    private ValuePath(String text, Root root, List<String> segments) {
        this.text = text;
        int hash = text.hashCode();
        this.slotHash = hash ^ (hash >>> 16);
        this.root = root;
        this.names = new String[segments.size()];
        this.indexes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            // Interned: argument and context keys are mostly string constants (parameter names, literals),
            // which are interned too, so a map lookup finds its key by identity before comparing characters.
            names[i] = segments.get(i).intern();
            indexes[i] = indexOf(names[i]);
        }
    }

    /**
     * @throws IllegalArgumentException saying what is wrong and what was expected
     */
    public static ValuePath parse(String text) {
        List<String> segments;
        try {
            for (int i = 0; i < text.length(); i++) {
                if (Character.isWhitespace(text.charAt(i))) {
                    throw new IllegalArgumentException("unexpected '" + text.charAt(i) + "'");
                }
            }
            segments = segments(text);
        } catch (IllegalArgumentException e) {
            throw badPath(text, e.getMessage());
        }
        Root root = switch (segments.get(0)) {
            case "arguments" -> Root.ARGUMENTS;
            case "context" -> Root.CONTEXT;
            default -> throw badPath(text, "it must start with arguments. or context.");
        };
        if (segments.size() < 2) {
            throw badPath(text, "name a value under " + segments.get(0) + ", such as " + segments.get(0) + ".amount");
        }
        return new ValuePath(text, root, segments.subList(1, segments.size()));
    }

    /**
     * A path's segments, root first: names between dots, and list indexes written {@code .N} or {@code [N]}
     * ({@code items[0].card} is {@code items}, {@code 0}, {@code card}). The one reading of a path's text,
     * for match paths and for the redactor's paths alike, so that a path masks what it matches.
     *
     * @throws IllegalArgumentException saying what is wrong: an empty path or segment, a bracket that is not
     *                                  {@code [N]} followed by {@code .}, {@code [} or the end, a stray {@code ]}
     */
    public static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                endSegment(current, segments);
            } else if (c == '[') {
                if (current.length() > 0) {
                    endSegment(current, segments);
                }
                int close = text.indexOf(']', i);
                if (close < 0 || indexOf(text.substring(i + 1, close)) < 0) {
                    throw new IllegalArgumentException(BAD_BRACKET);
                }
                segments.add(text.substring(i + 1, close));
                i = close;
                if (i + 1 < text.length() && text.charAt(i + 1) != '.' && text.charAt(i + 1) != '[') {
                    throw new IllegalArgumentException(BAD_BRACKET);
                }
                if (i + 1 < text.length() && text.charAt(i + 1) == '.') {
                    i++;
                }
            } else if (c == ']') {
                throw new IllegalArgumentException("unexpected ']'; " + BAD_BRACKET);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0 || text.endsWith(".")) {
            endSegment(current, segments);
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        return segments;
    }

    private static final String BAD_BRACKET =
            "a [ must hold a list index and close, [N] followed by . or [ or the end, such as items[0].card";

    private static void endSegment(StringBuilder current, List<String> segments) {
        if (current.length() == 0) {
            throw new IllegalArgumentException("it has an empty segment");
        }
        segments.add(current.toString());
        current.setLength(0);
    }

    private static IllegalArgumentException badPath(String text, String why) {
        return new IllegalArgumentException("bad path \"" + text + "\": " + why
                + " (expected arguments.NAME or context.NAME, with .NAME or .N / [N] to go deeper)");
    }

    private static int indexOf(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return -1;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i)) || segment.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(segment);
    }

    int slotHash() {
        return slotHash;
    }

    public Root root() {
        return root;
    }

    /**
     * @return the value, {@code null} when the path leads to a null, or {@link #MISSING}
     * @throws EvaluationException when a getter on the way throws
     */
    public Object resolve(Map<String, ?> arguments, Map<String, ?> context) throws EvaluationException {
        Map<String, ?> map = root == Root.ARGUMENTS ? arguments : context;
        if (names.length == 1 && map != null) {
            // most paths name a key of the call's own map: step() for that one step, without its loop
            // (about 5 % of a decision on the benchmarks' 1,000-rule policy)
            Object value = fromMap(map, names[0]);
            return value instanceof Optional<?> optional ? optional.orElse(null) : value;
        }
        Object current = map;
        for (int i = 0; i < names.length; i++) {
            if (current == null) {
                return MISSING;
            }
            current = step(current, i);
            if (current == MISSING) {
                return MISSING;
            }
        }
        return current instanceof Optional<?> optional ? optional.orElse(null) : current;
    }

    private Object step(Object current, int i) throws EvaluationException {
        if (current instanceof Optional<?> optional) {
            if (optional.isEmpty()) {
                return MISSING;
            }
            current = optional.get();
        }
        String name = names[i];
        if (current instanceof Map<?, ?> map) {
            return fromMap(map, name);
        }
        int index = indexes[i];
        if (current instanceof List<?> list) {
            return index >= 0 && index < list.size() ? list.get(index) : MISSING;
        }
        if (current.getClass().isArray()) {
            return index >= 0 && index < Array.getLength(current) ? Array.get(current, index) : MISSING;
        }
        try {
            return Accessors.read(current, name, MISSING);
        } catch (Throwable t) {
            throw new EvaluationException("reading " + prefix(i + 1) + " failed: " + t);
        }
    }

    /**
     * The map's value for the name; null for a null value, {@link #MISSING} when there is no such key.
     * {@code getOrDefault} says both in one lookup in the maps calls carry (HashMap, LinkedHashMap, the JDK's
     * immutable maps, ConcurrentHashMap), where {@code get} then {@code containsKey} looked a missing key up
     * twice.
     */
    @SuppressWarnings("unchecked")
    private static Object fromMap(Map<?, ?> map, String name) {
        return ((Map<Object, Object>) map).getOrDefault(name, MISSING);
    }

    /** The path's text up to and including segment {@code count - 1}. */
    private String prefix(int count) {
        StringBuilder b = new StringBuilder(root == Root.ARGUMENTS ? "arguments" : "context");
        for (int i = 0; i < count; i++) {
            b.append('.').append(names[i]);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValuePath other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
