package dev.veto.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The log reads its lines back (to verify them, to continue a chain) with {@link JsonTreeReader}; it must
 * give the trees, number types and refusals that the {@code ObjectMapper} it replaced gave
 * ({@link ReferenceMapper}), or a hash recomputed from a line read back would differ from the one written.
 */
class JsonTreeReaderTest {

    @Test
    void randomTreesReadBackAsTheMapperReadsThem() throws IOException {
        Random random = new Random(20261128L);
        for (int i = 0; i < 3_000; i++) {
            String text = ReferenceMapper.MAPPER.writeValueAsString(CanonicalJsonTest.randomNode(random, 0));
            JsonNode expected = ReferenceMapper.MAPPER.readTree(text);
            JsonNode read = JsonTreeReader.read(text);
            assertEquals(expected, read, text);
            assertEquals(CanonicalJson.write(expected), CanonicalJson.write(read), text);
        }
    }

    @Test
    void numbersKeepTheirTypeAndScale() throws IOException {
        JsonNode read = JsonTreeReader.read("{\"int\":7,\"long\":9007199254740993,\"big\":123456789012345678901234567890,"
                + "\"decimal\":200.50,\"exponent\":1e5,\"negative_zero\":-0.0,\"tiny\":1E-30}");
        assertTrue(read.get("int").isInt());
        assertTrue(read.get("long").isLong());
        assertTrue(read.get("big").isBigInteger());
        assertEquals("200.50", read.get("decimal").decimalValue().toPlainString());
        assertTrue(read.get("exponent").isBigDecimal());
        assertEquals(ReferenceMapper.MAPPER.readTree(read.toString()), read);
    }

    @Test
    void oddTextsAreReadOrRefusedAsTheMapperDoes() throws IOException {
        List<String> texts = List.of("", "   ", "\n", "{}", "[]", "null", "\"text\"", "42", "-1.50", "true",
                "{\"a\":1} ", "{\"a\":1}\n", "{\"a\":1}{\"b\":2}", "{\"a\":1} x", "{\"a\":1,\"a\":2}",
                "{\"a\":{\"b\":1,\"b\":1}}", "[1,2", "{\"a\":", "{\"a\" 1}", "[1,]", "{'a':1}", "NaN", "[NaN]",
                "{\"a\":01}", "\"\\ud800\"", "\"\\u00e9\\n\"", "{\"k\":[{\"x\":[[]]},{}]}", "[1] [2]", "1 2",
                "[" + "[".repeat(2_000) + "]".repeat(2_001), "{\"a\":1}garbage", "tru", "\"unterminated");
        for (String text : texts) {
            JsonNode expected;
            try {
                expected = ReferenceMapper.MAPPER.readTree(text);
            } catch (IOException refusedByMapper) {
                assertThrows(IOException.class, () -> JsonTreeReader.read(text), "the mapper refuses: " + text);
                continue;
            }
            assertEquals(expected, JsonTreeReader.read(text), text);
        }
    }
}
