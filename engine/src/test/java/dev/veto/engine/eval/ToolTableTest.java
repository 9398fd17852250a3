package dev.veto.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact-name table finds every name it holds, by an equal String too, and nothing else. */
class ToolTableTest {

    private static ToolProgram program() {
        return new ToolProgram(new CompiledRule[0], new int[0], new Verdict[0], null, null, null, null);
    }

    @Test
    void findsEachNameByIdentityOrByTextAndNoOtherName() {
        Map<String, ToolProgram> byName = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            byName.put("tool_" + i, program());
        }
        // "Aa" and "BB" share a hash: both are held, each found as itself
        byName.put("Aa", program());
        byName.put("BB", program());
        ToolTable table = new ToolTable(byName);
        byName.forEach((name, program) -> {
            assertSame(program, table.get(name), name);
            assertSame(program, table.get(new String(name.toCharArray())), name + " as another String");
        });
        assertNull(table.get("tool_300"));
        assertNull(table.get("C#"), "same hash as Aa and BB, another name");
        assertNull(table.get(""));
        assertEquals("Aa".hashCode(), "C#".hashCode());
    }

    /** A name built at run time (not interned) is found, and so is the interned String the agent hands over. */
    @Test
    void findsANameByTheInternedStringAsWell() {
        String built = new String("lookup_order".toCharArray());
        ToolProgram program = program();
        ToolTable table = new ToolTable(Map.of(built, program));
        assertSame(program, table.get("lookup_order"));
        assertSame(program, table.get(built));
        assertSame(program, table.get(new String(built.toCharArray())));
    }

    @Test
    void anEmptyTableFindsNothing() {
        assertNull(new ToolTable(Map.of()).get("anything"));
    }
}
