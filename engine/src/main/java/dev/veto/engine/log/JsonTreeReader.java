package dev.veto.engine.log;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads one JSON text into a tree, as the log reads its lines back (the verifier, the chain's end when a log
 * is continued): decimals as BigDecimal with their scale kept, integers as int, long or BigInteger by size,
 * a key twice in one object refused, and nothing but whitespace after the value. An empty text gives the
 * missing node. These are the trees an {@code ObjectMapper} with {@code USE_BIG_DECIMAL_FOR_FLOATS},
 * {@code FAIL_ON_TRAILING_TOKENS}, {@code STRICT_DUPLICATE_DETECTION} and trailing zeros kept gives, built
 * from jackson-core's parser alone (see {@link CanonicalJson} for why); {@code JsonTreeReaderTest} holds
 * the two to each other.
 */
final class JsonTreeReader {

    private JsonTreeReader() {
    }

    /**
     * @throws IOException when the text is not exactly one JSON value (the parser's nesting limit applies)
     */
    static JsonNode read(String text) throws IOException {
        try (JsonParser parser = CanonicalJson.FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return MissingNode.getInstance();
            }
            JsonNode value = value(parser, first);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new JsonParseException(parser, "text after the JSON value: " + after);
            }
            return value;
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(parser, "the text ends inside a JSON value");
        }
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> CanonicalJson.NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> whole(parser);
            case VALUE_NUMBER_FLOAT -> CanonicalJson.NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> CanonicalJson.NODES.booleanNode(true);
            case VALUE_FALSE -> CanonicalJson.NODES.booleanNode(false);
            case VALUE_NULL -> CanonicalJson.NODES.nullNode();
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }

    private static JsonNode whole(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> CanonicalJson.NODES.numberNode(parser.getIntValue());
            case LONG -> CanonicalJson.NODES.numberNode(parser.getLongValue());
            default -> CanonicalJson.NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode object = CanonicalJson.NODES.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            object.set(name, value(parser, parser.nextToken()));
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = CanonicalJson.NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(value(parser, token));
        }
        return array;
    }
}
