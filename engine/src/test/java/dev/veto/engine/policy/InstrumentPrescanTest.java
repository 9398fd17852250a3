package dev.veto.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The prescan never misses an instrument: section, however the YAML spells its key. */
class InstrumentPrescanTest {

    private static final String ENTRY = "\n  - class: com.acme.Db\n    method: drop\n";

    @ParameterizedTest
    @ValueSource(strings = {
        "instrument:",
        "\"instrument\":",
        "'instrument':",
        "? instrument\n:",
        "\"\\x69nstrument\":",
        "\"\\u0069nstrument\":",
        "\"\\U00000069nstrument\":",
        "? \"instr\\\n  ument\"\n:",
        "? \"instr\\\r\n  ument\"\n:",
    })
    void everySpellingOfTheKeyThatLoadsIsSeen(String key) throws PolicyException {
        String policy = "name: p\n" + key + ENTRY;
        assertEquals(1, PolicyLoader.standard().parse(policy, "<test>").instrument().size(),
                "the spelling must really declare an entry, or this test proves nothing: " + key);
        assertTrue(InstrumentPrescan.mayDeclareInstrument(policy), key);
    }

    @Test
    void theSeedPolicyHasNoInstrumentSectionAndSaysSo() throws IOException {
        String seed = Files.readString(Path.of("../policies/support-agent.yaml"), StandardCharsets.UTF_8);
        assertTrue(seed.contains("\\\\"), "the seed escapes backslashes in its regexes, which make no letters");
        assertFalse(InstrumentPrescan.mayDeclareInstrument(seed));
    }

    @Test
    void escapesThatMakeNoLettersDoNotCount() {
        assertFalse(InstrumentPrescan.mayDeclareInstrument("name: \"a\\tb\\\\x\\\"\"\nrules: []\n"));
    }
}
