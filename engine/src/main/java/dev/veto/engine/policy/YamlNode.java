package dev.veto.engine.policy;

import java.util.List;

/**
 * A node of a policy file as YAML gives it, with where it starts (1-based line and column), for
 * {@link NodeReader}. Built by {@link YamlComposer}; aliases are the same node object as their anchor.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    String TAG_PREFIX = "tag:yaml.org,2002:";
    String STR = TAG_PREFIX + "str";
    String INT = TAG_PREFIX + "int";
    String FLOAT = TAG_PREFIX + "float";
    String BOOL = TAG_PREFIX + "bool";
    String NULL = TAG_PREFIX + "null";

    int line();

    int column();

    /**
     * @param tag the full tag: written ({@code !!str "5"}) or, for a plain scalar, the YAML 1.1 type of its
     *            text ({@link ImplicitTags}); quoted text is a string
     */
    record Scalar(String value, String tag, int line, int column) implements YamlNode {

        boolean tagged(String expected) {
            return tag.equals(expected);
        }
    }

    /** @param items filled while the sequence is read (an alias inside may refer to the sequence itself) */
    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
    }

    /** @param entries in file order, repeated keys included (the reader reports them) */
    record Mapping(List<Entry> entries, int line, int column) implements YamlNode {
    }

    record Entry(YamlNode key, YamlNode value) {
    }
}
