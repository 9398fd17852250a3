package dev.veto.engine.log;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the values of a call's arguments and context into JSON faithfully, and never fails: a value it
 * cannot read becomes its {@code String.valueOf}, so one odd value never costs the whole log line.
 *
 * <ul>
 *   <li>numbers exactly as written: integers as integers, BigDecimal plain with its scale, a double or float
 *       by its shortest decimal ({@code 0.1}, not {@code 0.1000000000000000055...}); NaN and infinities,
 *       which JSON has no number for, as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};
 *       a number whose plain text would pass {@value #MAX_NUMBER_DIGITS} characters ({@code 1E+10000}) as its
 *       text in a string: Jackson refuses to read longer numbers back (a guard against slow parsing), and
 *       a line the verifier cannot read would look tampered with</li>
 *   <li>maps as objects (keys by {@code String.valueOf}); collections, arrays and iterables as arrays;
 *       Optional as its value or null; enums by name</li>
 *   <li>records by their components and beans by their getters ({@link ObjectProperties}); anything else,
 *       and every type of the Java platform not listed here (dates, UUIDs, paths...), by {@code toString}</li>
 *   <li>Jackson trees as they are (with floating point numbers made exact decimals), also the
 *       application's own Jackson trees when ours is shaded apart from theirs</li>
 *   <li>a cycle or a nesting deeper than {@value #MAX_DEPTH} as a short marker string, and everything past
 *       the first {@value #MAX_VALUES} values of one argument map as {@code "<cut>"}: an object graph that
 *       shares sub-objects (an entity with its relations) can be exponentially large, and the log's thread
 *       must never get stuck on one line while the application waits for the queue</li>
 * </ul>
 */
public final class JsonValues {

    static final int MAX_DEPTH = 32;
    static final int MAX_VALUES = 100_000;
    /** The longest number Jackson reads ({@code StreamReadConstraints}' default). */
    static final int MAX_NUMBER_DIGITS = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;

    private static final JsonNodeFactory NODES = CanonicalJson.NODES;

    /** The application's own (unshaded) Jackson tree: a different class from ours once the agent is shaded. */
    private static final String JACKSON_TREE = "com.fasterxml.jackson.databind.JsonNode";
    private static final ClassValue<Boolean> IS_FOREIGN_JSON_TREE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                if (c.getName().equals(JACKSON_TREE) && c != JsonNode.class) {
                    return true;
                }
            }
            return false;
        }
    };

    private final Set<Object> path = Collections.newSetFromMap(new IdentityHashMap<>());
    private int valuesLeft;

    /** The JSON of one value, with a converter of its own (for callers that convert one value at a time). */
    public static JsonNode of(Object value) {
        return new JsonValues().toJson(value);
    }

    /** The JSON for a value; never throws. Not thread-safe: one per thread. */
    JsonNode toJson(Object value) {
        path.clear();
        valuesLeft = MAX_VALUES;
        return convert(value, 0);
    }

    private JsonNode convert(Object value, int depth) {
        if (--valuesLeft < 0) {
            return text("<cut>");
        }
        try {
            return convertOrThrow(value, depth);
        } catch (RuntimeException | StackOverflowError e) {
            return text(printable(value));
        }
    }

    private JsonNode convertOrThrow(Object value, int depth) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return text(value.toString());
        }
        if (value instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (value instanceof JsonNode node) {
            return exactNumbers(node, depth);
        }
        if (IS_FOREIGN_JSON_TREE.get(value.getClass())) {
            return foreignTree(value, depth);
        }
        if (depth >= MAX_DEPTH) {
            return NODES.textNode("<nested deeper than " + MAX_DEPTH + ">");
        }
        if (value instanceof Optional<?> optional) {
            return convert(optional.orElse(null), depth + 1);
        }
        boolean container = value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray()
                || ObjectProperties.hasProperties(value);
        if (!container) {
            return text(printable(value));
        }
        if (!path.add(value)) {
            return text("<cycle: " + value.getClass().getSimpleName() + ">");
        }
        try {
            if (value instanceof Map<?, ?> map) {
                return object(map, depth);
            }
            if (value instanceof Iterable<?> iterable) {
                ArrayNode array = NODES.arrayNode();
                for (Object item : iterable) {
                    array.add(convert(item, depth + 1));
                }
                return array;
            }
            if (value.getClass().isArray()) {
                ArrayNode array = NODES.arrayNode();
                int length = Array.getLength(value);
                for (int i = 0; i < length; i++) {
                    array.add(convert(Array.get(value, i), depth + 1));
                }
                return array;
            }
            return object(ObjectProperties.of(value), depth);
        } finally {
            path.remove(value);
        }
    }

    private ObjectNode object(Map<?, ?> map, int depth) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            object.set(WellFormedText.of(printable(entry.getKey())), convert(entry.getValue(), depth + 1));
        }
        return object;
    }

    private static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte || n instanceof AtomicInteger) {
            return NODES.numberNode(n.intValue());
        }
        if (n instanceof Long || n instanceof AtomicLong) {
            return NODES.numberNode(n.longValue());
        }
        if (n instanceof BigInteger big) {
            return exact(big);
        }
        if (n instanceof BigDecimal decimal) {
            return exact(decimal);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return NODES.textNode(n.toString());
            }
            // Float.toString / Double.toString give the shortest decimal that reads back as the same value.
            return exact(new BigDecimal(n.toString()));
        }
        try {
            return exact(new BigDecimal(n.toString())); // other Number types: by their text if numeric
        } catch (NumberFormatException e) {
            return text(printable(n));
        }
    }

    /** A whole number, as a string when it is too long for the log to read back. */
    private static JsonNode exact(BigInteger big) {
        // digits <= bitLength * log10(2) + 1; a few numbers just under the limit are written as strings too
        return big.bitLength() * 0.30103 + 2 <= MAX_NUMBER_DIGITS ? NODES.numberNode(big) : text(big.toString());
    }

    /** A decimal, plain, or as its text in a string when its plain text is too long to read back. */
    private static JsonNode exact(BigDecimal decimal) {
        return plainLength(decimal) <= MAX_NUMBER_DIGITS ? NODES.numberNode(decimal) : text(decimal.toString());
    }

    /** The length of {@code toPlainString()}, without making it (1E+999999999 would be a gigabyte). */
    static long plainLength(BigDecimal decimal) {
        long precision = decimal.precision();
        long scale = decimal.scale();
        if (decimal.signum() == 0) {
            return scale <= 0 ? 1 : scale + 2; // "0", or "0." and the scale's zeros
        }
        long digits = scale <= 0 ? precision - scale : precision > scale ? precision + 1 : scale + 2;
        return digits + (decimal.signum() < 0 ? 1 : 0);
    }

    /** The application's Jackson tree, read back from the JSON text its toString writes. */
    private JsonNode foreignTree(Object tree, int depth) {
        String text = printable(tree);
        try {
            return exactNumbers(JsonTreeReader.read(text), depth);
        } catch (IOException | RuntimeException e) {
            return text(text);
        }
    }

    /**
     * A tree given as an argument, with doubles turned into exact decimals so it reads back the same, its
     * texts made well-formed, and any Java object it holds (a POJO node) converted here, once, like any other
     * value: the line is written twice from this tree (for the hash and for the file), and a getter read
     * twice could give two different texts.
     */
    private JsonNode exactNumbers(JsonNode node, int depth) {
        if (node.isFloatingPointNumber() || node.isBigInteger()) {
            return number(node.numberValue());
        }
        if (node instanceof POJONode pojo) {
            return convert(pojo.getPojo(), depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(WellFormedText.of(field.getKey()), exactNumbers(field.getValue(), depth + 1));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (JsonNode item : node) {
                copy.add(exactNumbers(item, depth + 1));
            }
            return copy;
        }
        if (node.isTextual()) {
            return text(node.textValue());
        }
        return node.deepCopy();
    }

    /** A text node of well-formed text ({@link WellFormedText}). */
    private static JsonNode text(String value) {
        return NODES.textNode(WellFormedText.of(value));
    }

    /** {@code String.valueOf}, and a marker when even that throws. */
    static String printable(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException | StackOverflowError e) {
            return "<unprintable " + value.getClass().getName() + ": " + e.getClass().getSimpleName() + ">";
        }
    }
}
