package dev.veto.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The canonical form is what every line's hash is computed over, so it must never change: a log written
 * by an earlier version has to verify with this one. The writer is held to the form it had when scalars
 * went through {@code ObjectMapper.writeTree} (kept below as the reference).
 */
class CanonicalJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void everyKindOfScalarIsWrittenAsWriteTreeWritesIt() throws IOException {
        ObjectNode line = NODES.objectNode();
        line.put("text", "plain");
        line.put("escapes", "quote \" backslash \\ newline \n tab \t nul \u0000 bell \u0007 del \u007f");
        line.put("unicode", "é ü 日本 😀");
        line.put("lone_surrogate", "a\ud800b");
        line.put("int", 42);
        line.put("negative", -7);
        line.put("long", Long.MAX_VALUE);
        line.put("short", (short) 12);
        line.put("big_integer", new BigInteger("123456789012345678901234567890"));
        line.put("decimal_with_scale", new BigDecimal("200.50"));
        line.put("decimal_exponent", new BigDecimal("2.005E+2"));
        line.put("tiny_decimal", new BigDecimal("1E-30"));
        line.put("double", 0.1);
        line.put("huge_double", 1e300);
        line.put("float", 1.5f);
        line.put("true", true);
        line.put("false", false);
        line.putNull("null");
        line.putArray("empty_array");
        line.putObject("empty_object");
        assertEquals(reference(line), CanonicalJson.write(line));
    }

    @Test
    void randomNestedValuesAreWrittenAsBefore() throws IOException {
        Random random = new Random(20261126L);
        for (int i = 0; i < 2_000; i++) {
            JsonNode value = randomNode(random, 0);
            assertEquals(reference(value), CanonicalJson.write(value), "value " + i + ": " + value);
        }
    }

    @Test
    void theFileOrderIsWriteTreeOutput() throws IOException {
        Random random = new Random(20261127L);
        for (int i = 0; i < 2_000; i++) {
            JsonNode value = randomNode(random, 0);
            StringWriter out = new StringWriter();
            try (JsonGenerator generator = CanonicalJson.FACTORY.createGenerator(out)) {
                CanonicalJson.writeInOrder(value, generator);
            }
            assertEquals(ReferenceMapper.MAPPER.writeValueAsString(value), out.toString(), "value " + i + ": " + value);
        }
    }

    @Test
    void binaryAndMissingNodesAreWrittenAsWriteTreeWritesThem() throws IOException {
        ObjectNode line = NODES.objectNode();
        line.put("bytes", new byte[] {0, 1, 2, (byte) 0xFF, 42});
        line.set("missing", com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        assertEquals(reference(line), CanonicalJson.write(line));
    }

    /** A tree the application passed may hold any Java object; it is written as the log writes any value. */
    @Test
    void anObjectInsideATreeIsWrittenAsTheLogWritesValues() {
        record Refund(String order, BigDecimal amount) {
        }
        ObjectNode tree = NODES.objectNode();
        tree.putPOJO("refund", new Refund("o-1", new BigDecimal("200.50")));
        assertEquals("{\"refund\":{\"amount\":200.50,\"order\":\"o-1\"}}", CanonicalJson.write(tree));
    }

    @Test
    void keysAreSortedAtEveryDepth() {
        ObjectNode inner = NODES.objectNode().put("b", 1).put("a", 2);
        ObjectNode outer = NODES.objectNode();
        outer.set("z", inner);
        outer.put("m", "x");
        assertEquals("{\"m\":\"x\",\"z\":{\"a\":2,\"b\":1}}", CanonicalJson.write(outer));
    }

    /** A random tree of every node kind a log line holds (also used by {@code JsonTreeReaderTest}). */
    static JsonNode randomNode(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 7 : 9);
        return switch (kind) {
            case 0 -> NODES.textNode(randomText(random));
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(BigDecimal.valueOf(random.nextLong(), random.nextInt(12) - 4));
            case 4 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.nullNode();
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomNode(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(randomText(random), randomNode(random, depth + 1));
                }
                yield object;
            }
        };
    }

    static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 'a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** The canonical writer as it was: keys sorted, scalars through {@code writeTree}. */
    private static String reference(JsonNode node) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = ReferenceMapper.MAPPER.getFactory().createGenerator(out)) {
            writeReference(node, generator);
        }
        return out.toString();
    }

    private static void writeReference(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.sort(names);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                writeReference(node.get(name), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode item : node) {
                writeReference(item, generator);
            }
            generator.writeEndArray();
        } else {
            ReferenceMapper.MAPPER.writeTree(generator, node);
        }
    }
}
