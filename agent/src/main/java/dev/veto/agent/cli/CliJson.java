package dev.veto.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * JSON in and out of the CLI. Numbers keep their exact written value (BigDecimal and BigInteger, never
 * double), because the engine compares exactly: {@code 200.000000000000000001} must stay more than 200.
 */
final class CliJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CliJson() {
    }

    /**
     * Reads a JSON object into plain maps, lists, strings, BigDecimal / BigInteger, booleans and nulls.
     *
     * @param what names the input in the message, such as {@code --args} or {@code calls.jsonl:3}
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json, String what) throws UsageException {
        Object value = value(json, what);
        if (!(value instanceof Map)) {
            throw new UsageException(what + ": expected a JSON object such as {\"amount\": 150}, got "
                    + (value == null ? "null" : value instanceof java.util.List ? "an array" : "a single value"));
        }
        return (Map<String, Object>) value;
    }

    static Object value(String json, String what) throws UsageException {
        if (json.isBlank()) {
            throw new UsageException(what + ": empty; expected a JSON object such as {\"amount\": 150}");
        }
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new UsageException(what + ": not valid JSON (" + e.getOriginalMessage()
                    + "); in a shell, put the JSON in single quotes: --args '{\"amount\": 150}'");
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
