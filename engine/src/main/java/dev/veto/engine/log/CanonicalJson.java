package dev.veto.engine.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * How the decision log writes and reads JSON, and the canonical form its hash chain is computed over.
 *
 * <p>Numbers keep the text they were written with: decimals are read as BigDecimal with their scale kept
 * ({@code 200.50} stays {@code 200.50}) and written plain (never {@code 2.005E+2}); integers stay integers.
 * So a line read back and written again gives the same text, which is what lets the verifier recompute a
 * hash the writer computed.
 *
 * <p>Canonical form: the JSON value with the keys of every object sorted (by Java's {@code String} order),
 * no whitespace, numbers as above, strings escaped as Jackson escapes them.
 */
final class CanonicalJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // A line is exactly one object with each key once: text after it, or a second "action" that a
            // first-wins reader would believe, must not slip past the verifier.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private CanonicalJson() {
    }

    /** The canonical text of a value. */
    static String write(JsonNode node) {
        TextBuffer out = new TextBuffer();
        write(node, out);
        return out.toString();
    }

    /** Appends the canonical form of {@code node} to {@code out}. */
    static void write(JsonNode node, Writer out) {
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a text buffer cannot fail", e);
        }
    }

    static void write(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.sort(names);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                write(node.get(name), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode item : node) {
                write(item, generator);
            }
            generator.writeEndArray();
        } else {
            writeScalar(node, generator);
        }
    }

    /**
     * A scalar as {@code writeTree} writes it (the same generator call for each node type), without its
     * serializer look-up per value, which was a third of the log writer's time. Every line's hash goes
     * through here, and lines written before must still verify: {@code CanonicalJsonTest} holds this to
     * {@code writeTree}'s output.
     */
    private static void writeScalar(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case NUMBER -> writeNumber(node, generator);
            default -> MAPPER.writeTree(generator, node); // binary and POJO nodes: never in a decision line
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.numberType()) {
            case INT -> generator.writeNumber(node.intValue());
            case LONG -> generator.writeNumber(node.longValue());
            case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
            case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
            case DOUBLE -> generator.writeNumber(node.doubleValue());
            case FLOAT -> generator.writeNumber(node.floatValue());
            default -> MAPPER.writeTree(generator, node);
        }
    }
}
