package dev.veto.engine.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads SnakeYAML nodes with their positions, collecting every problem as {@code source:line:col: message}.
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

    void problem(Node at, String message) {
        problems.add(new PolicyProblem(source, at.getStartMark().getLine() + 1,
                at.getStartMark().getColumn() + 1, message));
    }

    /**
     * A mapping's entries by key, in file order. Reports a non-mapping, non-scalar or repeated keys, and
     * keys not in {@code allowed} (with the closest allowed key when one is near).
     *
     * @param what     how the message names the mapping ("a rule", "a condition")
     * @param allowed  the keys it may have, or null for any key
     * @return key node and value node per key, or null when the node is not a mapping
     */
    Map<String, Entry> mapping(Node node, String what, Collection<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, what + " must be a map, found " + kind(node));
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                problem(keyNode, "a key in " + what + " must be a plain name, found " + kind(keyNode));
                continue;
            }
            String key = scalar.getValue();
            if (entries.containsKey(key)) {
                problem(keyNode, "key '" + key + "' appears twice in " + what + ", expected each key once");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                problem(keyNode, "unknown key '" + key + "' in " + what + Suggestions.didYouMean(key, allowed)
                        + ", expected one of: " + String.join(", ", allowed));
                continue;
            }
            entries.put(key, new Entry(scalar, tuple.getValueNode()));
        }
        return entries;
    }

    /** A key and its value, both with their positions. */
    record Entry(ScalarNode key, Node value) {
    }

    List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, what + " must be a list, found " + kind(node));
            return null;
        }
        return sequence.getValue();
    }

    /** Text: a string, or a number written plainly (an id such as {@code 42}); not a boolean, null or collection. */
    String text(Node node, String what) {
        if (node instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.STR) || scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
            return scalar.getValue();
        }
        problem(node, what + " must be a string, found " + kind(node));
        return null;
    }

    /** Non-empty text. */
    String name(Node node, String what) {
        String text = text(node, what);
        if (text != null && text.isBlank()) {
            problem(node, what + " must not be empty");
            return null;
        }
        return text;
    }

    /** One of a closed set of words. */
    String word(Node node, String what, List<String> allowed) {
        String text = node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL) ? scalar.getValue() : null;
        if (text == null || !allowed.contains(text)) {
            problem(node, what + " is " + (text == null ? kind(node) : "'" + text + "'")
                    + Suggestions.didYouMean(text == null ? "" : text, allowed)
                    + ", expected one of: " + String.join(", ", allowed));
            return null;
        }
        return text;
    }

    List<String> textList(Node node, String what) {
        List<Node> items = sequence(node, what);
        if (items == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (Node item : items) {
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
    Object plain(Node node) {
        return plain(node, 0);
    }

    private Object plain(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                list.add(plain(item, depth + 1));
            }
            return list;
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new IllegalArgumentException("a key must be a plain name, found " + kind(tuple.getKeyNode()));
                }
                map.put(key.getValue(), plain(tuple.getValueNode(), depth + 1));
            }
            return map;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        if (tag.equals(Tag.STR)) {
            return text;
        }
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            String lower = text.toLowerCase(Locale.ROOT);
            return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
        }
        if (tag.equals(Tag.INT)) {
            return integer(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            return decimal(text);
        }
        throw new IllegalArgumentException("the tag " + tag.getValue() + " is not supported, expected a plain value");
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

    /** How messages name what was found: "a list", "a map", "the number 5", "nothing"... */
    static String kind(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a map";
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return "nothing";
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + scalar.getValue();
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + scalar.getValue();
        }
        return "the string \"" + scalar.getValue() + "\"";
    }
}
