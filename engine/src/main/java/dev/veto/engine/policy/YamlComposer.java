package dev.veto.engine.policy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Builds the {@link YamlNode} tree of one YAML document from SnakeYAML's parser events: what SnakeYAML's
 * {@code Composer} does (anchors and aliases, at most {@value #MAX_COLLECTION_ALIASES} aliases of collections,
 * at most {@value #MAX_NESTING} levels, one document, no unknown tag of YAML's namespace), without its node, tag and resolver
 * classes, whose set-up is most of what YAML costs the agent's start-up beyond the parser itself. Syntax
 * errors are the parser's own {@code MarkedYAMLException}s; the composer's are {@link Unreadable}.
 */
final class YamlComposer {

    /** SnakeYAML's default: aliases of collections can make a small file expand without bound. */
    static final int MAX_COLLECTION_ALIASES = 50;
    /** SnakeYAML's default nesting limit. */
    static final int MAX_NESTING = 50;
    /**
     * How many values aliases may stand for in all (an alias counts every value under the node it names).
     * SnakeYAML's alias count alone does not bound this: 25 aliases naming the one before twice are 2^25
     * values for whoever reads the tree, as the policy reader does.
     */
    static final long MAX_ALIASED_VALUES = 100_000;

    /** SnakeYAML's standard tags, the only ones of YAML's namespace it accepts. */
    private static final List<String> YAML_TYPES = List.of("yaml", "merge", "set", "pairs", "omap", "binary", "int",
            "float", "timestamp", "bool", "null", "str", "seq", "map");

    private final ParserImpl parser;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    /** The values under each collection (itself included), counting what its aliases stand for. */
    private final Map<YamlNode, Long> sizes = new IdentityHashMap<>();
    /** The collections being read: an alias to one of them would be inside what it names. */
    private final Set<YamlNode> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private long aliasedValues;
    private int collectionAliases;
    private int depth;

    private YamlComposer(ParserImpl parser) {
        this.parser = parser;
    }

    /** A document that breaks a composer rule, with where. */
    static final class Unreadable extends RuntimeException {
        private final int line;
        private final int column;

        Unreadable(String message, Mark at) {
            super(message, null, false, false);
            this.line = at.getLine() + 1;
            this.column = at.getColumn() + 1;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    /**
     * The document's root node, or null when the text holds no document.
     *
     * @throws Unreadable for a second document, an undefined alias, too many aliases, too deep a nesting, an unknown {@code !!} tag
     * @throws org.yaml.snakeyaml.error.YAMLException for text that is not YAML (a {@code MarkedYAMLException} when it has a place)
     */
    static YamlNode compose(String text) {
        return new YamlComposer(new ParserImpl(new StreamReader(new StringReader(text)), new LoaderOptions())).single();
    }

    private YamlNode single() {
        parser.getEvent(); // stream start
        YamlNode root = null;
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            parser.getEvent(); // document start
            root = node();
            parser.getEvent(); // document end
        }
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            throw new Unreadable("but found another document (expected a single document in the stream)",
                    parser.getEvent().getStartMark());
        }
        return root;
    }

    private YamlNode node() {
        if (parser.checkEvent(Event.ID.Alias)) {
            return alias((AliasEvent) parser.getEvent());
        }
        NodeEvent event = (NodeEvent) parser.peekEvent();
        if (depth > MAX_NESTING) {
            throw new Unreadable("Nesting Depth exceeded max " + MAX_NESTING, event.getStartMark());
        }
        depth++;
        YamlNode node;
        if (parser.checkEvent(Event.ID.Scalar)) {
            node = scalar((ScalarEvent) parser.getEvent());
        } else if (parser.checkEvent(Event.ID.SequenceStart)) {
            node = sequence((CollectionStartEvent) parser.getEvent());
        } else {
            node = mapping((CollectionStartEvent) parser.getEvent());
        }
        depth--;
        return node;
    }

    private YamlNode alias(AliasEvent event) {
        YamlNode target = anchors.get(event.getAnchor());
        if (target == null) {
            throw new Unreadable("found undefined alias " + event.getAnchor(), event.getStartMark());
        }
        if (!(target instanceof YamlNode.Scalar) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
            throw new Unreadable("Number of aliases for non-scalar nodes exceeds the specified max="
                    + MAX_COLLECTION_ALIASES, event.getStartMark());
        }
        if (open.contains(target)) {
            throw new Unreadable("alias *" + event.getAnchor()
                    + " is inside the collection it names, expected values that do not contain themselves", event.getStartMark());
        }
        aliasedValues += size(target);
        if (aliasedValues > MAX_ALIASED_VALUES) {
            throw new Unreadable("aliases stand for more than " + MAX_ALIASED_VALUES
                    + " values in all, expected a policy that names its values without repeating them so often",
                    event.getStartMark());
        }
        return target;
    }

    private YamlNode scalar(ScalarEvent event) {
        String tag = event.getTag();
        String resolved;
        if (tag == null || tag.equals("!")) {
            resolved = event.getImplicit().canOmitTagInPlainScalar() ? ImplicitTags.of(event.getValue()) : YamlNode.STR;
        } else {
            resolved = written(tag, event);
        }
        Mark at = event.getStartMark();
        return anchored(event, new YamlNode.Scalar(event.getValue(), resolved, at.getLine() + 1, at.getColumn() + 1));
    }

    private YamlNode sequence(CollectionStartEvent start) {
        checkTag(start);
        List<YamlNode> items = new ArrayList<>();
        Mark at = start.getStartMark();
        YamlNode sequence = anchored(start, new YamlNode.Sequence(items, at.getLine() + 1, at.getColumn() + 1));
        open.add(sequence);
        long size = 1;
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            YamlNode item = node();
            items.add(item);
            size += size(item);
        }
        parser.getEvent();
        open.remove(sequence);
        sizes.put(sequence, size);
        return sequence;
    }

    private YamlNode mapping(CollectionStartEvent start) {
        checkTag(start);
        List<YamlNode.Entry> entries = new ArrayList<>();
        Mark at = start.getStartMark();
        YamlNode mapping = anchored(start, new YamlNode.Mapping(entries, at.getLine() + 1, at.getColumn() + 1));
        open.add(mapping);
        long size = 1;
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            YamlNode key = node();
            YamlNode value = node();
            entries.add(new YamlNode.Entry(key, value));
            size += size(key) + size(value);
        }
        parser.getEvent();
        open.remove(mapping);
        sizes.put(mapping, size);
        return mapping;
    }

    /** The values under a node read to its end, itself included (at most about {@link #MAX_ALIASED_VALUES} more than were written). */
    private long size(YamlNode node) {
        return node instanceof YamlNode.Scalar ? 1 : sizes.get(node);
    }

    /** Registered before a collection's children are read, as SnakeYAML does (so an alias inside may name it). */
    private YamlNode anchored(NodeEvent event, YamlNode node) {
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), node);
        }
        return node;
    }

    private static void checkTag(CollectionStartEvent start) {
        String tag = start.getTag();
        if (tag != null && !tag.equals("!")) {
            written(tag, start);
        }
    }

    /**
     * A written tag, kept as written; refused, as SnakeYAML's loader refuses it, when it claims YAML's own
     * namespace ({@code !!python/object}) but is none of YAML's types.
     */
    private static String written(String tag, NodeEvent event) {
        if (tag.startsWith(YamlNode.TAG_PREFIX) && !YAML_TYPES.contains(tag.substring(YamlNode.TAG_PREFIX.length()))) {
            throw new Unreadable("Global tag is not allowed: " + tag, event.getStartMark());
        }
        return tag;
    }
}
