package dev.veto.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Action;
import dev.veto.engine.Veto;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolPatternTest {

    /** {@code *} is any run of characters and {@code ?} one character: line breaks are characters too. */
    @Test
    void aGlobMatchesNamesWithLineBreaks() {
        for (String name : new String[] {"drop_\ntable", "drop_\r\n", "drop_\u2028x", "drop_\u0085"}) {
            assertTrue(ToolPattern.of("drop_*").matches(name), name);
            assertTrue(ToolPattern.of("*table*").matches("x\n" + name + "\ntable\n"), name);
        }
        assertTrue(ToolPattern.of("drop_?").matches("drop_\n"));
        assertFalse(ToolPattern.of("drop_?").matches("drop_\n\n"));
        assertFalse(ToolPattern.of("drop_*").matches("DROP_table"));
    }

    @Test
    void aDenyByGlobIsNotEscapedByALineBreakInTheToolName() throws Exception {
        try (Veto veto = Veto.fromString("default_action: allow\nrules:\n  - tool: \"drop_*\"\n    action: deny\n")) {
            assertEquals(Action.DENY, veto.protect("drop_\ntable", Map.of(), Map.of()).action());
        }
    }
}
