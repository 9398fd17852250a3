package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hash an approval binds to: what the canonical form keeps, ignores and cuts. */
class CallHashTest {

    @Test
    void isTheKeyedHashOfTheCanonicalText() {
        // Pinned: the canonical text (keys sorted, strings quoted), hashed under this JVM's key.
        assertEquals(CallHash.keyed("\"issue_refund\"\n{\"amount\":500,\"note\":\"a\\\"b\",}"),
                CallHash.of("issue_refund", Map.of("amount", 500, "note", "a\"b")));
        assertEquals(64, CallHash.of("t", Map.of()).length());
    }

    @Test
    void mapOrderDoesNotMatterButEveryValueDoes() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", List.of("x", Map.of("z", 2, "y", 3)));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", List.of("x", Map.of("y", 3, "z", 2)));
        ba.put("a", 1);
        assertEquals(CallHash.of("t", ab), CallHash.of("t", ba));
        assertNotEquals(CallHash.of("t", ab), CallHash.of("u", ab));
        assertNotEquals(CallHash.of("t", Map.of("a", 1)), CallHash.of("t", Map.of("a", "1")));
        assertNotEquals(CallHash.of("t", Map.of("a", List.of(1, 2))), CallHash.of("t", Map.of("a", List.of(2, 1))));
    }

    @Test
    void keysWithOneTextCountOnceTheLaterInTheMapsOrder() {
        Map<Object, Object> intThenString = new LinkedHashMap<>();
        intThenString.put(1, "int");
        intThenString.put("1", "string");
        assertEquals(CallHash.of("t", Map.of("m", Map.of("1", "string"))), CallHash.of("t", Map.of("m", intThenString)));
    }

    @Test
    void aStructureThatContainsItselfIsCutWhereItDoes() {
        List<Object> list = new ArrayList<>();
        list.add(1);
        list.add(list);
        Map<String, Object> map = new HashMap<>();
        map.put("self", map);
        String once = CallHash.of("t", Map.of("list", list, "map", map));
        assertEquals(once, CallHash.of("t", Map.of("list", list, "map", map)));
        // the same object twice side by side is not a cycle: both are written out
        List<Object> shared = List.of("s");
        assertNotEquals(CallHash.of("t", Map.of("a", List.of(shared, shared))),
                CallHash.of("t", Map.of("a", List.of(shared, List.of()))));
    }
}
