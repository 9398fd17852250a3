package dev.veto.engine.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log writer's reusable text buffer gives exactly the bytes {@code String.getBytes(UTF_8)} gives. */
class TextBufferTest {

    @Test
    void itsBytesAreTheUtf8OfItsTextWhateverTheText() throws Exception {
        TextBuffer buffer = new TextBuffer();
        for (String text : List.of("", "{\"a\":1}", "x".repeat(5_000), "é ü 日本 😀", "lone \ud800 surrogate",
                "ascii then " + "y".repeat(3_000) + " then é")) {
            buffer.clear().write(text);
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);

            ByteArrayOutputStream written = new ByteArrayOutputStream();
            buffer.writeUtf8(written);
            assertArrayEquals(expected, written.toByteArray(), text);

            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            buffer.digestUtf8(digest);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(expected), digest.digest(), text);
            assertEquals(text, buffer.toString());
        }
    }

    @Test
    void clearingStartsTheNextTextEmpty() throws Exception {
        TextBuffer buffer = new TextBuffer();
        buffer.write("a long first text");
        buffer.clear().write("b");
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        buffer.writeUtf8(written);
        assertEquals("b", written.toString(StandardCharsets.UTF_8));
    }
}
