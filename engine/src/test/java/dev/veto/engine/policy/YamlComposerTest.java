package dev.veto.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link YamlComposer} gives the tree SnakeYAML's own Composer gives (shape, text, tag and position of every
 * node), for every policy file in the repository and for documents that use what YAML allows; and it refuses
 * what SnakeYAML's Composer refuses, with the same message at the same place.
 */
class YamlComposerTest {

    private static final List<String> DOCUMENTS = List.of(
            "name: t\nrules:\n  - tool: x\n    action: deny\n",
            "{a: 1, b: [x, 'y', \"z\"], c: {d: ~}}\n",
            "a: &anchor {x: 1}\nb: *anchor\nc: &s text\nd: *s\n",
            "quoted: '5'\nnumber: 5\nfloat: 1.5\nbool: yes\nnull: null\nempty:\nhex: 0x1F\ntime: 2001-12-14\n",
            "tags: [!!str 5, !!int '7', !!float '1', !!binary aGk=, !!timestamp 2001-12-14, ! 12, !!null '']\n",
            "block: |\n  line one\n  line two\nfolded: >\n  folded\n  text\n",
            "# a comment\nkey: value # another\n",
            "---\nname: t\n...\n",
            "---\n",
            "1: one\n2.5: two\ntrue: three\n? [complex, key]\n: value\n",
            "base: &base {a: 1}\nderived:\n  <<: *base\n  b: 2\n",
            "- a\n- - b\n  - c\n- {d: e}\n",
            "!!map {a: 1}\n",
            "local: !custom 5\nglobal: !<tag:example.com,2000:x> 5\nlist: !things [1]\n",
            "text: \"tab\\there, unicode \\u00e9\"\n",
            "  indented: 1\n  second: 2\n");

    @Test
    void everyPolicyFileOfTheRepositoryGivesSnakeYamlsTree() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("../policies", "../agent/src/test/resources/policies", "../benchmarks/src/main/resources")) {
            Path root = Path.of(dir);
            if (Files.isDirectory(root)) {
                try (Stream<Path> found = Files.walk(root)) {
                    found.filter(f -> f.toString().endsWith(".yaml")).forEach(files::add);
                }
            }
        }
        assertEquals(true, files.size() >= 4, "the repository's policy files were found: " + files);
        for (Path file : files) {
            String text = Files.readString(file);
            assertEquals(snakeYaml(text), ours(text), file.toString());
        }
    }

    @Test
    void documentsUsingWhatYamlAllowsGiveSnakeYamlsTree() {
        for (String text : DOCUMENTS) {
            assertEquals(snakeYaml(text), ours(text), text);
        }
    }

    @Test
    void noDocumentIsNull() {
        assertNull(YamlComposer.compose(""));
        assertNull(YamlComposer.compose("# only a comment\n"));
    }

    @Test
    void anAliasIsTheAnchoredNodeItself() {
        YamlNode.Mapping root = (YamlNode.Mapping) YamlComposer.compose("a: &x [1, 2]\nb: *x\n");
        assertSame(root.entries().get(0).value(), root.entries().get(1).value());
    }

    @Test
    void whatSnakeYamlsComposerRefusesIsRefusedWithItsMessageAtItsPlace() {
        for (String text : List.of("a: *nowhere\n", "a: 1\n---\nb: 2\n", "a: !!python/object 5\n", "a: !!foo [1]\n",
                "a: !!bar {b: 1}\n")) {
            MarkedYAMLException expected = assertThrows(MarkedYAMLException.class, () -> snakeYaml(text), text);
            YamlComposer.Unreadable ours = assertThrows(YamlComposer.Unreadable.class, () -> YamlComposer.compose(text), text);
            Mark at = expected.getProblemMark();
            assertEquals(expected.getProblem() + (expected.getContext() == null ? "" : " (" + expected.getContext() + ")"),
                    ours.getMessage(), text);
            assertEquals((at.getLine() + 1) + ":" + (at.getColumn() + 1), ours.line() + ":" + ours.column(), text);
        }
    }

    @Test
    void aliasesOfCollectionsAndNestingAreLimitedAsInSnakeYaml() {
        StringBuilder aliases = new StringBuilder("a: &a [1]\nb: [");
        for (int i = 0; i <= YamlComposer.MAX_COLLECTION_ALIASES; i++) {
            aliases.append(i == 0 ? "" : ", ").append("*a");
        }
        aliases.append("]\n");
        YamlComposer.Unreadable tooMany = assertThrows(YamlComposer.Unreadable.class, () -> YamlComposer.compose(aliases.toString()));
        assertEquals("Number of aliases for non-scalar nodes exceeds the specified max=50", tooMany.getMessage());

        String deep = "[".repeat(YamlComposer.MAX_NESTING + 5) + "]".repeat(YamlComposer.MAX_NESTING + 5);
        YamlComposer.Unreadable tooDeep = assertThrows(YamlComposer.Unreadable.class, () -> YamlComposer.compose(deep));
        assertEquals("Nesting Depth exceeded max 50", tooDeep.getMessage());
        assertEquals(true, YamlComposer.compose("[".repeat(YamlComposer.MAX_NESTING) + "]".repeat(YamlComposer.MAX_NESTING))
                instanceof YamlNode.Sequence, "fifty levels are read");
    }

    /**
     * A value that contains itself has no end: the loader's walks over it overflowed the stack (a match that
     * is its own {@code any}) instead of reporting a problem. No policy needs one.
     */
    @Test
    void anAliasInsideTheCollectionItNamesIsRefused() {
        YamlComposer.Unreadable e = assertThrows(YamlComposer.Unreadable.class,
                () -> YamlComposer.compose("a: &m {any: [x, *m]}\n"));
        assertEquals("alias *m is inside the collection it names, expected values that do not contain themselves",
                e.getMessage());
        assertEquals("1:17", e.line() + ":" + e.column());
        PolicyException loaded = assertThrows(PolicyException.class, () -> PolicyLoader.standard().parse(
                "rules:\n  - tool: t\n    conditions:\n      - match: &m {any: [*m]}\n        action: deny\n", "p.yaml"));
        assertEquals("p.yaml:4:26", loaded.problems().get(0).toString().substring(0, 11));
    }

    /**
     * Fifty aliases of collections, each naming the one before twice, stand for 2^25 values: a 600-byte policy
     * ran the loader out of memory. What aliases add to the document is bounded.
     */
    @Test
    void aliasesThatExpandBeyondTheLimitAreRefused() {
        StringBuilder laughs = new StringBuilder("rules:\n  - tool: t\n    conditions:\n      - match:\n"
                + "          arguments.x: {in: [&a0 [lol, lol]");
        for (int i = 1; i < 26; i++) {
            laughs.append(", &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append(']');
        }
        laughs.append("]}\n        action: deny\n");
        YamlComposer.Unreadable e = assertThrows(YamlComposer.Unreadable.class, () -> YamlComposer.compose(laughs.toString()));
        assertEquals("aliases stand for more than " + YamlComposer.MAX_ALIASED_VALUES
                + " values in all, expected a policy that names its values without repeating them so often", e.getMessage());
        assertThrows(PolicyException.class, () -> PolicyLoader.standard().parse(laughs.toString(), "p.yaml"));
        // a list of 1,000 hosts named by 50 rules is fine
        StringBuilder reuse = new StringBuilder("hosts: &h [");
        for (int i = 0; i < 1000; i++) {
            reuse.append(i == 0 ? "" : ", ").append("h").append(i);
        }
        reuse.append("]\nuses: [");
        for (int i = 0; i < 50; i++) {
            reuse.append(i == 0 ? "" : ", ").append("*h");
        }
        YamlComposer.compose(reuse.append("]\n").toString());
    }

    /** The tree as SnakeYAML's Composer builds it with the options the policy loader used. */
    private static String snakeYaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        Node root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
                .getSingleNode();
        return root == null ? "none" : describe(root);
    }

    private static String ours(String text) {
        YamlNode root = YamlComposer.compose(text);
        return root == null ? "none" : describe(root);
    }

    private static String describe(Node node) {
        String at = "@" + (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1);
        if (node instanceof ScalarNode scalar) {
            return "S" + at + "<" + scalar.getTag().getValue() + ">" + quote(scalar.getValue());
        }
        StringBuilder out = new StringBuilder();
        if (node instanceof SequenceNode sequence) {
            out.append("L").append(at).append("[");
            for (Node item : sequence.getValue()) {
                out.append(describe(item)).append(", ");
            }
            return out.append("]").toString();
        }
        out.append("M").append(at).append("{");
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            out.append(describe(tuple.getKeyNode())).append(": ").append(describe(tuple.getValueNode())).append(", ");
        }
        return out.append("}").toString();
    }

    private static String describe(YamlNode node) {
        String at = "@" + node.line() + ":" + node.column();
        if (node instanceof YamlNode.Scalar scalar) {
            return "S" + at + "<" + scalar.tag() + ">" + quote(scalar.value());
        }
        StringBuilder out = new StringBuilder();
        if (node instanceof YamlNode.Sequence sequence) {
            out.append("L").append(at).append("[");
            for (YamlNode item : sequence.items()) {
                out.append(describe(item)).append(", ");
            }
            return out.append("]").toString();
        }
        out.append("M").append(at).append("{");
        for (YamlNode.Entry entry : ((YamlNode.Mapping) node).entries()) {
            out.append(describe(entry.key())).append(": ").append(describe(entry.value())).append(", ");
        }
        return out.append("}").toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("\n", "\\n").replace("\t", "\\t") + "'";
    }
}
