package dev.veto.engine.log;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * The top-level fields of one log line, in the order people read them: texts, whole numbers, and JSON
 * trees for the nested values (context, arguments). The writer thread keeps one and refills it per line,
 * then writes it twice without building a tree of the whole line: in canonical form (keys sorted, as
 * {@link CanonicalJson} writes an object) for the hash, and in reading order for the file. The verifier
 * reads a line back as a tree and must get the same canonical text: {@code JsonlDecisionLogTest} and the
 * verifier's tests check every line written.
 */
final class LineFields {

    /** More than a line has: decision lines have at most 16 fields, plus prev and hash. */
    private static final int CAPACITY = 24;

    private final String[] names = new String[CAPACITY];
    private final Object[] values = new Object[CAPACITY];
    private final int[] sorted = new int[CAPACITY];
    private int size;

    LineFields clear() {
        Arrays.fill(values, 0, size, null);
        size = 0;
        return this;
    }

    /** Adds a text field, made well-formed ({@link WellFormedText}); a null value is left out. */
    LineFields text(String name, String value) {
        return value == null ? this : add(name, WellFormedText.of(value));
    }

    LineFields number(String name, long value) {
        return add(name, value);
    }

    /** Adds a JSON value; null is left out. */
    LineFields tree(String name, JsonNode value) {
        return value == null ? this : add(name, value);
    }

    private LineFields add(String name, Object value) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                throw new IllegalStateException("field " + name + " twice in one log line");
            }
        }
        names[size] = name;
        values[size] = value;
        size++;
        return this;
    }

    /** Appends the line as the file has it to {@code out}: fields in the order they were added. */
    void writeInOrder(Writer out) {
        try (JsonGenerator generator = CanonicalJson.FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            for (int i = 0; i < size; i++) {
                generator.writeFieldName(names[i]);
                writeValue(values[i], generator, false);
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw CanonicalJson.unwritable(e);
        }
    }

    /** Appends the canonical form the hash is computed over to {@code out}: keys sorted at every depth. */
    void writeCanonical(Writer out) {
        for (int i = 0; i < size; i++) {
            int j = i;
            while (j > 0 && names[sorted[j - 1]].compareTo(names[i]) > 0) {
                sorted[j] = sorted[j - 1];
                j--;
            }
            sorted[j] = i;
        }
        try (JsonGenerator generator = CanonicalJson.FACTORY.createGenerator(out)) {
            generator.writeStartObject();
            for (int k = 0; k < size; k++) {
                int i = sorted[k];
                generator.writeFieldName(names[i]);
                writeValue(values[i], generator, true);
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw CanonicalJson.unwritable(e);
        }
    }

    /** The fields as a person would read them, for a problem report. */
    @Override
    public String toString() {
        TextBuffer text = new TextBuffer();
        try {
            writeInOrder(text);
        } catch (RuntimeException e) {
            return "(fields that cannot be written: " + e + ")";
        }
        return text.toString();
    }

    private static void writeValue(Object value, JsonGenerator generator, boolean canonical) throws IOException {
        if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (canonical) {
            CanonicalJson.write((JsonNode) value, generator);
        } else {
            CanonicalJson.writeInOrder((JsonNode) value, generator);
        }
    }
}
