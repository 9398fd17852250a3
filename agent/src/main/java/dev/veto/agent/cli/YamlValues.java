package dev.veto.agent.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a composed YAML node into plain values, numbers kept exact (BigInteger, BigDecimal; never
 * double), because a case's {@code amount: 200.000000000000000001} must reach the engine as written.
 */
final class YamlValues {

    private YamlValues() {
    }

    static Object of(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                map.put(text(tuple.getKeyNode()), of(tuple.getValueNode()));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            sequence.getValue().forEach(item -> list.add(of(item)));
            return list;
        }
        return scalar((ScalarNode) node);
    }

    static String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(of(node));
    }

    private static Object scalar(ScalarNode node) {
        String value = node.getValue();
        Tag tag = node.getTag();
        try {
            if (Tag.INT.equals(tag)) {
                return new BigInteger(value.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return new BigDecimal(value.replace("_", ""));
            }
        } catch (NumberFormatException notDecimal) {
            return value; // 0x1F, .inf, .nan: left as text, which the engine refuses to compare (fail closed)
        }
        if (Tag.BOOL.equals(tag)) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("on");
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        return value;
    }
}
