package dev.veto.engine.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads YAML nodes ({@link YamlNode}) with their positions, collecting every problem as {@code source:line:col: message}.
 * A read that fails records a problem and returns null, so the loader can go on and report the rest.
 */
final class NodeReader {

    /** Deeper operands are refused: it also stops a recursive YAML alias from recursing forever. */
    private static final int MAX_DEPTH = 64;

    private final String source;
    private final List<PolicyProblem> problems = new ArrayList<>();

    NodeReader(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    List<PolicyProblem> problems() {
        return problems;
    }

    void problem(YamlNode at, String message) {
        problems.add(new PolicyProblem(source, at.line(), at.column(), message));
    }

    /**
     * A mapping's entries by key, in file order. Reports a non-mapping, non-scalar or repeated keys, and
     * keys not in {@code allowed} (with the closest allowed key when one is near).
     *
     * @param what     how the message names the mapping ("a rule", "a condition")
     * @param allowed  the keys it may have, or null for any key
     * @return key node and value node per key, or null when the node is not a mapping
     */
    Map<String, Entry> mapping(YamlNode node, String what, Collection<String> allowed) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problem(node, what + " must be a map, found " + kind(node));
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (YamlNode.Entry tuple : mapping.entries()) {
            YamlNode keyNode = tuple.key();
            if (!(keyNode instanceof YamlNode.Scalar scalar)) {
                problem(keyNode, "a key in " + what + " must be a plain name, found " + kind(keyNode));
                continue;
            }
            String key = scalar.value();
            if (entries.containsKey(key)) {
                problem(keyNode, "key '" + key + "' appears twice in " + what + ", expected each key once");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                problem(keyNode, "unknown key '" + key + "' in " + what + Suggestions.didYouMean(key, allowed)
                        + ", expected one of: " + String.join(", ", allowed));
                continue;
            }
            entries.put(key, new Entry(scalar, tuple.value()));
        }
        return entries;
    }

    /** A key and its value, both with their positions. */
    record Entry(YamlNode.Scalar key, YamlNode value) {
    }

    List<YamlNode> sequence(YamlNode node, String what) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problem(node, what + " must be a list, found " + kind(node));
            return null;
        }
        return sequence.items();
    }

    /** Text: a string, or a number written plainly (an id such as {@code 42}); not a boolean, null or collection. */
    String text(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar scalar
                && (scalar.tagged(YamlNode.STR) || scalar.tagged(YamlNode.INT) || scalar.tagged(YamlNode.FLOAT))) {
            return scalar.value();
        }
        problem(node, what + " must be a string, found " + kind(node));
        return null;
    }

    /** Non-empty text. */
    String name(YamlNode node, String what) {
        String text = text(node, what);
        if (text != null && text.isBlank()) {
            problem(node, what + " must not be empty");
            return null;
        }
        return text;
    }

    /** One of a closed set of words. */
    String word(YamlNode node, String what, List<String> allowed) {
        String text = node instanceof YamlNode.Scalar scalar && !scalar.tagged(YamlNode.NULL) ? scalar.value() : null;
        if (text == null || !allowed.contains(text)) {
            problem(node, what + " is " + (text == null ? kind(node) : "'" + text + "'")
                    + Suggestions.didYouMean(text == null ? "" : text, allowed)
                    + ", expected one of: " + String.join(", ", allowed));
            return null;
        }
        return text;
    }

    List<String> textList(YamlNode node, String what) {
        List<YamlNode> items = sequence(node, what);
        if (items == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (YamlNode item : items) {
            String text = name(item, "an entry of " + what);
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /**
     * The node as a plain Java value, the way {@code OperatorCompiler} receives operands: String; Integer,
     * Long or BigInteger; BigDecimal read exactly from the written digits (never through double); Double
     * only for .inf and .nan; Boolean; null; List; Map with String keys.
     *
     * @throws IllegalArgumentException for a tag or number form the policy language does not take
     */
    Object plain(YamlNode node) {
        return plain(node, 0);
    }

    private Object plain(YamlNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (node instanceof YamlNode.Sequence sequence) {
            List<Object> list = new ArrayList<>();
            for (YamlNode item : sequence.items()) {
                list.add(plain(item, depth + 1));
            }
            return list;
        }
        if (node instanceof YamlNode.Mapping mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (YamlNode.Entry tuple : mapping.entries()) {
                if (!(tuple.key() instanceof YamlNode.Scalar key)) {
                    throw new IllegalArgumentException("a key must be a plain name, found " + kind(tuple.key()));
                }
                if (map.containsKey(key.value())) {
                    // the later value would silently replace the earlier: sql {deny: [DROP], deny: [GRANT]} lets DROP through
                    throw new BadNode(key, "key '" + key.value() + "' appears twice, expected each key once");
                }
                map.put(key.value(), plain(tuple.value(), depth + 1));
            }
            return map;
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        String text = scalar.value();
        if (scalar.tagged(YamlNode.STR)) {
            return text;
        }
        if (scalar.tagged(YamlNode.NULL)) {
            return null;
        }
        if (scalar.tagged(YamlNode.BOOL)) {
            String lower = text.toLowerCase(Locale.ROOT);
            return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
        }
        if (scalar.tagged(YamlNode.INT)) {
            Object value = integer(text);
            String digits = text.replace("_", "").replaceFirst("^[-+]", "");
            if (digits.length() > 1 && digits.charAt(0) == '0' && Character.isDigit(digits.charAt(1))) {
                // an account number or a zip code meant as written, which would never equal "01234" or 1234
                throw new BadNode(scalar, "plain " + text + " is the octal number " + value + " in YAML 1.1, expected '"
                        + text + "' in quotes for the text, or the decimal " + value);
            }
            return value;
        }
        if (scalar.tagged(YamlNode.FLOAT)) {
            return decimal(text);
        }
        if (scalar.tag().equals("!=")) {
            // an unquoted comparison: YAML reads "!=" as a local tag on what follows
            throw new IllegalArgumentException("YAML reads != " + text + " as the tag !=, expected the comparison in quotes: \"!= "
                    + text + "\"");
        }
        if (scalar.tag().startsWith(YamlNode.TAG_PREFIX)) {
            // a YAML type the policy language has no values of: a timestamp (2026-11-26), a binary...
            throw new BadNode(scalar, "YAML reads " + text + " as a " + scalar.tag().substring(YamlNode.TAG_PREFIX.length())
                    + ", expected '" + text + "' in quotes for the text");
        }
        throw new IllegalArgumentException("the tag " + scalar.tag() + " is not supported, expected a plain value");
    }

    private static Object integer(String written) {
        String text = written.replace("_", "");
        boolean negative = text.startsWith("-");
        if (negative || text.startsWith("+")) {
            text = text.substring(1);
        }
        if (text.contains(":")) {
            throw new IllegalArgumentException("sexagesimal number " + written + " is not supported, write it in decimal");
        }
        BigInteger value;
        if (text.startsWith("0x")) {
            value = new BigInteger(text.substring(2), 16);
        } else if (text.startsWith("0b")) {
            value = new BigInteger(text.substring(2), 2);
        } else if (text.length() > 1 && text.startsWith("0")) {
            value = new BigInteger(text.substring(1), 8);
        } else {
            value = new BigInteger(text);
        }
        if (negative) {
            value = value.negate();
        }
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static Object decimal(String written) {
        String text = written.replace("_", "");
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals(".nan")) {
            return Double.NaN;
        }
        if (text.contains(":")) {
            throw new IllegalArgumentException("sexagesimal number " + written + " is not supported, write it in decimal");
        }
        return new BigDecimal(text);
    }

    /** A value {@link #plain} refuses, with the node where the problem is (deeper than the operand itself). */
    static final class BadNode extends IllegalArgumentException {
        private final transient YamlNode at;

        BadNode(YamlNode at, String message) {
            super(message);
            this.at = at;
        }

        /** Where the problem is: {@code at} when the exception is a {@code BadNode}, else {@code fallback}. */
        static YamlNode where(RuntimeException e, YamlNode fallback) {
            return e instanceof BadNode bad ? bad.at : fallback;
        }
    }

    /** How messages name what was found: "a list", "a map", "the number 5", "nothing"... */
    static String kind(YamlNode node) {
        if (node instanceof YamlNode.Sequence) {
            return "a list";
        }
        if (node instanceof YamlNode.Mapping) {
            return "a map";
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        if (scalar.tagged(YamlNode.NULL)) {
            return "nothing";
        }
        if (scalar.tagged(YamlNode.BOOL)) {
            return "the boolean " + scalar.value();
        }
        if (scalar.tagged(YamlNode.INT) || scalar.tagged(YamlNode.FLOAT)) {
            return "the number " + scalar.value();
        }
        return "the string \"" + scalar.value() + "\"";
    }
}
