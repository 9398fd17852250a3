package dev.veto.agent.cli;

import dev.veto.engine.Action;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a policy's test cases:
 *
 * <pre>{@code
 * cases:
 *   - name: an L1 refund within the limit
 *     tool: issue_refund
 *     arguments: {amount: 150}
 *     context: {role: support_l1}
 *     expect: allow            # allow | deny | require_approval
 *     rule: refund-limits      # optional: the rule that must decide (default_action for none)
 *     times: 21                # optional: make the call 21 times; the expectation is about the last
 * }</pre>
 *
 * Any other key, or a value of the wrong kind, is an error at its {@code file:line:col}.
 */
final class CasesFile {

    private static final Set<String> CASE_KEYS = Set.of("name", "tool", "arguments", "context", "expect", "rule", "times");

    private final String file;

    private CasesFile(String file) {
        this.file = file;
    }

    static List<PolicyCase> read(String file) throws UsageException {
        return new CasesFile(file).read();
    }

    private List<PolicyCase> read() throws UsageException {
        Node root;
        try (Reader in = Files.newBufferedReader(InputFile.existing(file, "cases"))) {
            root = new Yaml(new LoaderOptions()).compose(in);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (YAMLException e) {
            throw UsageException.inContent(file + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode top)) {
            throw problem(root, "expected a mapping with a 'cases:' list");
        }
        checkKeys(root, new IdentityHashMap<>());
        Node cases = null;
        for (NodeTuple entry : top.getValue()) {
            String key = YamlValues.text(entry.getKeyNode());
            if (!key.equals("cases")) {
                throw problem(entry.getKeyNode(), "unknown key '" + key + "'; expected 'cases:'");
            }
            cases = entry.getValueNode();
        }
        if (!(cases instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw problem(cases == null ? root : cases, "expected 'cases:' with a list of cases");
        }
        List<PolicyCase> read = new ArrayList<>();
        for (Node item : list.getValue()) {
            read.add(policyCase(item, read.size() + 1));
        }
        return read;
    }

    @SuppressWarnings("unchecked")
    private PolicyCase policyCase(Node node, int number) throws UsageException {
        if (!(node instanceof MappingNode mapping)) {
            throw problem(node, "expected a case with tool, arguments, context and expect");
        }
        for (NodeTuple entry : mapping.getValue()) {
            String key = YamlValues.text(entry.getKeyNode());
            if (!CASE_KEYS.contains(key)) {
                throw problem(entry.getKeyNode(), "unknown key '" + key + "'; a case has " + String.join(", ", CASE_KEYS.stream().sorted().toList()));
            }
        }
        Map<String, Object> values = (Map<String, Object>) YamlValues.of(mapping);
        String where = file + ":" + (node.getStartMark().getLine() + 1);
        String tool = text(values, "tool", node);
        if (tool == null) {
            throw problem(node, "the case needs 'tool:'");
        }
        String expected = text(values, "expect", node);
        Action expect = Arrays.stream(Action.values()).filter(action -> action.policyName().equals(expected)).findFirst()
                .orElseThrow(() -> problem(node, "'expect:' must be allow, deny or require_approval, got " + expected));
        String name = text(values, "name", node);
        return new PolicyCase(name == null ? "case " + number : name, where, tool,
                map(values, "arguments", node), map(values, "context", node), expect, text(values, "rule", node),
                times(values.get("times"), node));
    }

    private String text(Map<String, Object> values, String key, Node node) throws UsageException {
        Object value = values.get(key);
        if (value != null && !(value instanceof String)) {
            throw problem(node, "'" + key + ":' must be text, got " + value);
        }
        return (String) value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Map<String, Object> values, String key, Node node) throws UsageException {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw problem(node, "'" + key + ":' must be a mapping such as {amount: 150}");
        }
        return (Map<String, Object>) value;
    }

    private int times(Object value, Node node) throws UsageException {
        if (value == null) {
            return 1;
        }
        if (!(value instanceof BigInteger count) || count.signum() <= 0 || count.bitLength() > 20) {
            throw problem(node, "'times:' must be a whole number from 1 to 1000000, got " + value);
        }
        return count.intValueExact();
    }

    /**
     * Refuses a key written twice in one mapping (SnakeYAML's composer keeps both, and the later one would
     * silently replace the earlier: a second {@code cases:} would drop every case above it) and a value that
     * contains itself through an alias (which has no plain value).
     *
     * @param open the collections on the way from the root to {@code node}
     */
    private void checkKeys(Node node, IdentityHashMap<Node, Boolean> open) throws UsageException {
        if (open.containsKey(node)) {
            throw problem(node, "a value contains itself through an alias; expected plain values");
        }
        List<Node> children = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple entry : mapping.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
                    throw problem(key, "key '" + key.getValue() + "' appears twice; expected each key once");
                }
                children.add(entry.getKeyNode());
                children.add(entry.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            children.addAll(sequence.getValue());
        } else {
            return;
        }
        open.put(node, Boolean.TRUE);
        for (Node child : children) {
            checkKeys(child, open);
        }
        open.remove(node);
    }

    private UsageException problem(Node node, String message) {
        if (node == null) {
            return UsageException.inContent(file + ": " + message);
        }
        var mark = node.getStartMark();
        return UsageException.inContent(file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": " + message);
    }
}
