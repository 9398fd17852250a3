package dev.veto.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WellFormedTextTest {

    @Test
    void wellFormedTextIsReturnedAsItIs() {
        String text = "plain, é, 日本, 😀";
        assertSame(text, WellFormedText.of(text));
    }

    @Test
    void loneHalvesOfSurrogatePairsBecomeTheReplacementCharacterAndPairsStay() {
        assertEquals("a\uFFFDb", WellFormedText.of("a\uD800b"));
        assertEquals("a\uFFFD", WellFormedText.of("a\uD83D"));
        assertEquals("\uFFFDx", WellFormedText.of("\uDE00x"));
        assertEquals("😀\uFFFD😀", WellFormedText.of("😀\uDE00😀"));
        assertEquals("\uFFFD\uFFFD", WellFormedText.of("\uDE00\uD83D"), "a low half before a high half is no pair");
    }

    @Test
    void theResultSurvivesUtf8Unchanged() {
        String fixed = WellFormedText.of("key \uD800 with 😀 and \uDFFF");
        assertEquals(fixed, new String(fixed.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
