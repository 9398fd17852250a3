package dev.veto.engine.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 *
 * <p>Only jackson-core's streaming API and databind's tree nodes are used, never an {@code ObjectMapper}:
 * setting one up costs about 200 ms of CPU, which the log's writer would spend while the application
 * starts. {@code CanonicalJsonTest} and {@code JsonTreeReaderTest} hold the output and the trees read to
 * what an {@code ObjectMapper} configured as the log's used to be gives, byte for byte.
 */
final class CanonicalJson {

    static final JsonFactory FACTORY = JsonFactory.builder()
            // Reads back any text or key the writer wrote (Jackson's defaults stop at 20 M chars and 50 K, and
            // a long argument would then look like tampering); numbers stay within the default, see JsonValues.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).build())
            // A line is exactly one object with each key once: a second "action" that a first-wins reader
            // would believe must not slip past the verifier (text after the object: JsonTreeReader).
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** Makes the log's trees; decimals are kept as given (no trailing zeros stripped). */
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw unwritable(e);
        }
    }

    /** A write that failed: the value cannot be written as JSON (writing to a text buffer itself never fails). */
    static UncheckedIOException unwritable(IOException e) {
        return new UncheckedIOException("a value the log cannot write as JSON", e);
    }

    /** Writes {@code node} in canonical form: the keys of every object sorted. */
    static void write(JsonNode node, JsonGenerator generator) throws IOException {
        write(node, generator, true);
    }

    /** Writes {@code node} with every object's keys in the order they were added, as the file shows them. */
    static void writeInOrder(JsonNode node, JsonGenerator generator) throws IOException {
        write(node, generator, false);
    }

    private static void write(JsonNode node, JsonGenerator generator, boolean sortKeys) throws IOException {
        if (node.isObject()) {
            generator.writeStartObject();
            for (String name : names(node, sortKeys)) {
                generator.writeFieldName(name);
                write(node.get(name), generator, sortKeys);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode item : node) {
                write(item, generator, sortKeys);
            }
            generator.writeEndArray();
        } else if (node.isPojo()) {
            // JsonValues converts the objects in an application's tree before a line is written; this is for a
            // tree built elsewhere: written as the log writes any value
            write(JsonValues.of(((POJONode) node).getPojo()), generator, sortKeys);
        } else {
            writeScalar(node, generator);
        }
    }

    private static Iterable<String> names(JsonNode object, boolean sorted) {
        if (!sorted) {
            return object::fieldNames;
        }
        List<String> names = new ArrayList<>(object.size());
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        Collections.sort(names);
        return names;
    }

    /**
     * A scalar, with the generator call its node's own {@code serialize} makes. Every line's hash goes
     * through here, and lines written before must still verify: {@code CanonicalJsonTest} holds this to
     * {@code ObjectMapper.writeTree}'s output.
     */
    private static void writeScalar(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NUMBER -> writeNumber(node, generator);
            case BINARY -> generator.writeBinary(node.binaryValue());
            default -> generator.writeNull(); // NULL, and MISSING as a tree the application built may hold it
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.numberType()) {
            case INT -> generator.writeNumber(node.intValue());
            case LONG -> generator.writeNumber(node.longValue());
            case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
            case DOUBLE -> generator.writeNumber(node.doubleValue());
            case FLOAT -> generator.writeNumber(node.floatValue());
            default -> generator.writeNumber(node.decimalValue());
        }
    }
}
