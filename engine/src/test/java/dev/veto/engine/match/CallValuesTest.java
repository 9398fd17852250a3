package dev.veto.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.veto.engine.Action;
import dev.veto.engine.Decision;
import dev.veto.engine.Veto;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each path is resolved once per call; failures are not remembered; many paths still resolve right. */
class CallValuesTest {

    /** A bean whose getter counts how often it is read. */
    public static final class Order {
        final AtomicInteger reads = new AtomicInteger();

        public int getTotal() {
            reads.incrementAndGet();
            return 300;
        }

        public String getBroken() {
            reads.incrementAndGet();
            throw new IllegalStateException("lazy loading outside a session");
        }
    }

    @Test
    void aGetterRunsOnceForAllTheChecksOfOneCall() throws Exception {
        Order order = new Order();
        try (Veto veto = Veto.fromString("""
                name: p
                default_action: deny
                rules:
                  - tool: pay
                    conditions:
                      - match: {arguments.order.total: "> 1000"}
                        action: deny
                      - match: {arguments.order.total: "<= 500"}
                        action: allow
                  - tool: pay
                    conditions:
                      - match: {arguments.order.total: {min: 1}}
                        action: allow
                """)) {
            Decision decision = veto.protect("pay", Map.of("order", order), Map.of());
            assertEquals(Action.ALLOW, decision.action(), decision.reason());
            assertEquals(1, order.reads.get());
            veto.protect("pay", Map.of("order", order), Map.of());
            assertEquals(2, order.reads.get(), "a new call reads again");
        }
    }

    @Test
    void aFailingPathFailsEveryCheckThatReadsIt() {
        Order order = new Order();
        ValuePath broken = ValuePath.parse("arguments.order.broken");
        CallValues call = new CallValues(Map.of("order", order), Map.of());
        assertThrows(EvaluationException.class, () -> call.valueAt(broken));
        assertThrows(EvaluationException.class, () -> call.valueAt(broken));
        assertEquals(2, order.reads.get());
    }

    @Test
    void moreDistinctPathsThanSlotsAndEqualButDistinctPathsResolveRight() throws EvaluationException {
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            arguments.put("a" + i, i);
        }
        arguments.put("nothing", null);
        CallValues call = new CallValues(arguments, Map.of("role", "admin"));
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 40; i++) {
                assertEquals(i, call.valueAt(ValuePath.parse("arguments.a" + i)));
            }
        }
        assertNull(call.valueAt(ValuePath.parse("arguments.nothing")));
        assertSame(ValuePath.MISSING, call.valueAt(ValuePath.parse("arguments.absent")));
        assertEquals("admin", call.valueAt(ValuePath.parse("context.role")));
    }
    /** One lookup tells a null value from a missing key, in whatever map a call carries, at any depth. */
    @Test
    void aNullValueAndAMissingKeyDifferInEveryKindOfMap() throws EvaluationException {
        Map<String, Object> hash = new HashMap<>();
        hash.put("nothing", null);
        hash.put("some", 1);
        Map<String, Object> tree = new TreeMap<>(hash);
        Map<String, Object> linked = new LinkedHashMap<>(hash);
        // a map that keeps Map's own getOrDefault (get, then containsKey)
        Map<String, Object> plain = new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                return linked.entrySet();
            }
        };
        for (Map<String, Object> map : List.of(hash, tree, linked, plain)) {
            assertNull(ValuePath.parse("arguments.nothing").resolve(map, Map.of()), map.getClass().getName());
            assertSame(ValuePath.MISSING, ValuePath.parse("arguments.absent").resolve(map, Map.of()));
            assertEquals(1, ValuePath.parse("arguments.some").resolve(map, Map.of()));
            assertNull(ValuePath.parse("context.inner.nothing").resolve(Map.of(), Map.of("inner", map)));
            assertSame(ValuePath.MISSING, ValuePath.parse("context.inner.absent").resolve(Map.of(), Map.of("inner", map)));
        }
        Map<String, Object> concurrent = new ConcurrentHashMap<>(Map.of("some", 1));
        for (Map<String, ?> map : List.<Map<String, ?>>of(Map.of("some", 1), Map.copyOf(Map.of("some", 1, "other", 2)), concurrent)) {
            assertSame(ValuePath.MISSING, ValuePath.parse("arguments.absent").resolve(map, Map.of()));
            assertEquals(1, ValuePath.parse("arguments.some").resolve(map, Map.of()));
        }
    }
}
