package dev.veto.engine.log;

import dev.veto.engine.match.ValuePath;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Masks the values at a policy's {@code redact:} paths ({@code arguments.card_number},
 * {@code context.session_token}, {@code arguments.customer.ssn}) with {@value #MASK}, for the decision log
 * and the reviewer's screen. Compiled once from the list of paths.
 *
 * <p>A path is read as a match path is ({@link ValuePath#segments}: dots, and {@code [N]} for a list index).
 * Its first segment names the root ({@code arguments}, {@code context}). Each
 * later segment is a key of a map, a component of a record or a property of a bean; on a list or an array a
 * number picks one item, {@code *} every item, and a name applies to every item (so
 * {@code arguments.items.card_number} masks the card number of each item: for secrets, the safe reading).
 * {@code *} on a map or object means every key. A path that is not there masks nothing.
 *
 * <p>The caller's objects are never changed. Where something is masked, the maps, lists, records and beans
 * on the way to it are copied (records and beans become maps of their properties); everything else is
 * shared with the input. When nothing under a root is masked, the caller's own map is returned: there is
 * nothing to copy.
 */
public final class Redactor {

    public static final String MASK = "***";

    private static final String ANY = "*";

    /** The segments below one point of a path; a leaf means "mask what is here". */
    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        boolean mask;
        /** The children that are names (not indexes, not {@code *}): what reaches into each item of a list. */
        Node names;

        Node child(String segment) {
            return children.computeIfAbsent(segment, s -> new Node());
        }

        void seal() {
            for (Map.Entry<String, Node> child : children.entrySet()) {
                child.getValue().seal();
                if (!isIndex(child.getKey()) && !child.getKey().equals(ANY)) {
                    if (names == null) {
                        names = new Node();
                    }
                    names.children.put(child.getKey(), child.getValue());
                }
            }
        }
    }

    private static final Redactor NONE = new Redactor(new Node());

    private final Node root;
    /*
     * The root's nodes for arguments, context and "*", looked up once here: the engine redacts the arguments
     * and the context of every held (and every logged) call, most often under a policy that masks nothing
     * there, and then a redaction is these null checks.
     */
    private final Node argumentsNode;
    private final Node contextNode;
    private final Node anyRootNode;

    private Redactor(Node root) {
        this.root = root;
        this.argumentsNode = root.children.get("arguments");
        this.contextNode = root.children.get("context");
        this.anyRootNode = root.children.get(ANY);
    }

    /** A redactor that masks nothing. */
    public static Redactor none() {
        return NONE;
    }

    /**
     * Compiles the paths.
     *
     * @throws IllegalArgumentException for an empty path or segment, or a path that names only a root
     */
    public static Redactor of(List<String> paths) {
        Node root = new Node();
        for (String path : paths) {
            Objects.requireNonNull(path, "redact path is null");
            List<String> segments;
            try {
                segments = ValuePath.segments(path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("redact path \"" + path + "\": " + e.getMessage()
                        + ", expected names separated by single dots");
            }
            if (segments.size() < 2) {
                throw new IllegalArgumentException("redact path \"" + path
                        + "\": expected ROOT.NAME..., such as arguments.card_number or context.session_token");
            }
            Node node = root;
            for (String segment : segments) {
                node = node.child(segment);
            }
            node.mask = true;
        }
        root.seal();
        return new Redactor(root);
    }

    /**
     * Whether the value at this path (a match path's text, such as {@code arguments.items[0].card}) is masked,
     * itself or as part of a masked value above it: then no message may quote it either.
     */
    public boolean covers(String path) {
        try {
            return covers(root, ValuePath.segments(path), 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean covers(Node node, List<String> segments, int i) {
        if (node == null) {
            return false;
        }
        if (node.mask) {
            return true;
        }
        if (i == segments.size()) {
            return false;
        }
        String segment = segments.get(i);
        return covers(node.children.get(segment), segments, i + 1) || covers(node.children.get(ANY), segments, i + 1)
                // on a list, names reach into every item: an index steps to the names
                || isIndex(segment) && covers(node.names, segments, i + 1);
    }

    /** Whether there is anything to mask under this root ({@code "arguments"}, {@code "context"}). */
    public boolean masksUnder(String rootName) {
        return root.children.containsKey(rootName) || root.children.containsKey(ANY);
    }

    /** The arguments with their redact paths masked (paths that start with {@code arguments.}). */
    public Map<String, Object> redactArguments(Map<String, ?> arguments) {
        return redactUnder(argumentsNode, arguments);
    }

    /** The context with its redact paths masked (paths that start with {@code context.}). */
    public Map<String, Object> redactContext(Map<String, ?> context) {
        return redactUnder(contextNode, context);
    }

    /**
     * The map found at the root {@code rootName} with the paths under that root masked: the map itself when
     * nothing in it is masked, else a copy.
     */
    public Map<String, Object> redact(String rootName, Map<String, ?> map) {
        return redactUnder(root.children.get(rootName), map);
    }

    /** The map with the paths below {@code node} (null: none) and below {@code *} masked. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> redactUnder(Node node, Map<String, ?> map) {
        if (node == null && anyRootNode == null) {
            // a cast of the type argument only: no type check, which would read the map's header from memory
            // (a held call's context is often read by nothing else)
            return (Map<String, Object>) map;
        }
        if (map == null) {
            return null;
        }
        Object result = map;
        if (node != null) {
            result = apply(node, result);
        }
        if (anyRootNode != null) {
            result = apply(anyRootNode, result);
        }
        return (Map<String, Object>) result;
    }

    /**
     * A whole map whose top-level keys are roots ({@code {"arguments": {...}, "context": {...}}}), with every
     * path masked: the map itself when nothing is masked, else a copy.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> redact(Map<String, ?> roots) {
        return roots == null ? null : (Map<String, Object>) apply(root, roots);
    }

    /** The value with the paths below {@code node} masked; the same instance when nothing was masked. */
    private Object apply(Node node, Object value) {
        if (value == null || node.children.isEmpty()) {
            return value;
        }
        if (value instanceof Optional<?> optional) {
            // looked through, as match paths do and as the log writes it
            Object inside = optional.orElse(null);
            Object masked = apply(node, inside);
            return masked == inside ? value : Optional.ofNullable(masked);
        }
        if (value instanceof Map<?, ?> map) {
            return applyToMap(node, map);
        }
        if (value instanceof List<?> || value instanceof Collection<?> || value.getClass().isArray()) {
            return applyToItems(node, value);
        }
        if (ObjectProperties.hasProperties(value)) {
            Map<String, Object> properties = ObjectProperties.of(value);
            Map<String, Object> masked = applyToMap(node, properties);
            return masked == properties ? value : masked;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> applyToMap(Node node, Map<?, ?> map) {
        Map<String, Object> copy = null;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object original = entry.getValue();
            Object replaced = replace(node.children.get(key), original);
            replaced = replace(node.children.get(ANY), replaced);
            if (replaced != original) {
                if (copy == null) {
                    copy = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        copy.put(String.valueOf(e.getKey()), e.getValue());
                    }
                }
                copy.put(key, replaced);
            }
        }
        return copy != null ? copy : (Map<String, Object>) map;
    }

    /** A list, collection or array: numbers pick an item, {@code *} and names apply to every item. */
    private Object applyToItems(Node node, Object items) {
        List<Object> list = new ArrayList<>();
        if (items instanceof Collection<?> collection) {
            list.addAll(collection);
        } else {
            for (int i = 0, n = Array.getLength(items); i < n; i++) {
                list.add(Array.get(items, i));
            }
        }
        boolean changed = false;
        for (int i = 0; i < list.size(); i++) {
            Object original = list.get(i);
            Object replaced = replace(node.children.get(Integer.toString(i)), original);
            replaced = replace(node.children.get(ANY), replaced);
            if (node.names != null) {
                replaced = apply(node.names, replaced);
            }
            if (replaced != original) {
                list.set(i, replaced);
                changed = true;
            }
        }
        return changed ? list : items;
    }

    /** What goes in place of a value that {@code node} (possibly null: not on any path) is about. */
    private Object replace(Node node, Object value) {
        if (node == null) {
            return value;
        }
        if (node.mask) {
            return MASK;
        }
        return apply(node, value);
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
