package dev.veto.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private final JsonValues values = new JsonValues();

    record Customer(String name, Address address) {
    }

    record Address(String city, int zip) {
    }

    enum Tier { GOLD }

    public static class Order {
        public String getId() {
            return "o-1";
        }

        public boolean isPaid() {
            return true;
        }

        public BigDecimal getTotal() {
            return new BigDecimal("19.90");
        }

        public String getSecretThatThrows() {
            throw new IllegalStateException("lazy loading outside a session");
        }

        public String lookup(String key) {
            return "not a getter: it takes a parameter";
        }
    }

    static final class Opaque {
        @Override
        public String toString() {
            return "opaque#1";
        }
    }

    static final class Hostile {
        @Override
        public String toString() {
            throw new UnsupportedOperationException("no");
        }
    }

    private String json(Object value) {
        return CanonicalJson.write(values.toJson(value));
    }

    @Test
    void numbersKeepTheirWrittenValue() {
        assertEquals("200.50", json(new BigDecimal("200.50")));
        assertEquals("200.000000000000000001", json(new BigDecimal("200.000000000000000001")));
        assertEquals("1000", json(new BigDecimal("1E+3")));
        assertEquals("0.1", json(0.1d));
        assertEquals("0.1", json(0.1f));
        assertEquals("5.0", json(5.0d));
        assertEquals("100000000000000000000", json(1e20));
        assertEquals("9223372036854775807", json(Long.MAX_VALUE));
        assertEquals("123456789012345678901234567890", json(new BigInteger("123456789012345678901234567890")));
        assertEquals("7", json((short) 7));
        assertEquals("42", json(new AtomicLong(42)));
        assertEquals("\"NaN\"", json(Double.NaN));
        assertEquals("\"-Infinity\"", json(Float.NEGATIVE_INFINITY));
    }

    @Test
    void recordsAndBeansBecomeObjects() {
        assertEquals("{\"address\":{\"city\":\"Lyon\",\"zip\":69001},\"name\":\"Ada\"}",
                json(new Customer("Ada", new Address("Lyon", 69001))));
        assertEquals("{\"id\":\"o-1\",\"paid\":true,\"secretThatThrows\":\"<unreadable: IllegalStateException>\",\"total\":19.90}",
                json(new Order()), "a getter that throws costs only its own property");
    }

    @Test
    void containersAndSimpleTypes() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1, List.of("a", 'b'));
        map.put(null, new int[] {1, 2});
        map.put("tier", Tier.GOLD);
        map.put("maybe", Optional.of(3));
        map.put("nothing", Optional.empty());
        map.put("date", LocalDate.of(2026, 11, 25));
        map.put("id", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        map.put("none", null);
        assertEquals("{\"1\":[\"a\",\"b\"],\"date\":\"2026-11-25\",\"id\":\"123e4567-e89b-12d3-a456-426614174000\","
                + "\"maybe\":3,\"none\":null,\"nothing\":null,\"null\":[1,2],\"tier\":\"GOLD\"}", json(map));
    }

    @Test
    void oddValuesFallBackToTheirTextAndNeverThrow() {
        assertEquals("\"opaque#1\"", json(new Opaque()));
        assertEquals("\"<unprintable " + Hostile.class.getName() + ": UnsupportedOperationException>\"", json(new Hostile()));
        List<Object> cyclic = new ArrayList<>();
        cyclic.add("x");
        cyclic.add(cyclic);
        assertEquals("[\"x\",\"<cycle: ArrayList>\"]", json(cyclic));
        Object deep = "bottom";
        for (int i = 0; i < 100; i++) {
            deep = List.of(deep);
        }
        JsonNode node = values.toJson(deep);
        for (int i = 0; i < JsonValues.MAX_DEPTH; i++) {
            node = node.get(0);
        }
        assertTrue(node.asText().startsWith("<nested deeper than"), node.toString());
    }

    /** A node that refers to the same child twice: 2^depth values when written out in full, no cycle. */
    record Diamond(Diamond left, Diamond right) {
        static Diamond of(int depth) {
            Diamond shared = depth == 0 ? null : of(depth - 1);
            return new Diamond(shared, shared);
        }
    }

    @Test
    void aHugeSharedObjectGraphIsCutRatherThanWrittenForever() {
        String json = json(Diamond.of(30)); // 2^30 values written out in full
        assertTrue(json.contains("\"<cut>\""), "cut");
        assertTrue(json.length() < 20 * JsonValues.MAX_VALUES, "bounded: " + json.length());
        assertEquals("{\"a\":1}", json(Map.of("a", 1)), "the budget is per value, not per converter");
    }

    @Test
    void theApplicationsOwnJacksonTreeIsLoggedAsJsonToo() throws Exception {
        // Once the agent is shaded, the application's Jackson is a different set of classes from ours: load
        // a second copy of Jackson in its own class loader to stand for it.
        List<URL> jackson = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("jackson")) {
                jackson.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader application = new URLClassLoader(jackson.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> mapperType = application.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
            Object mapper = mapperType.getConstructor().newInstance();
            Object tree = mapperType.getMethod("readTree", String.class).invoke(mapper, "{\"amount\":200.10,\"ids\":[1,2]}");
            assertTrue(!(tree instanceof JsonNode), "a foreign tree");
            assertEquals("{\"amount\":200.1,\"ids\":[1,2]}", json(Map.of("payload", tree)).replace("{\"payload\":", "").replaceFirst("}$", ""));
        }
    }

    @Test
    void jacksonTreesAreKeptWithExactNumbers() throws Exception {
        JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"amount\":200.10,\"n\":3}");
        assertEquals("{\"amount\":200.1,\"n\":3}", json(tree),
                "a plain Jackson tree holds a double (200.1); written as that double's shortest decimal");
        JsonNode exact = ReferenceMapper.MAPPER.readTree("{\"amount\":200.10}");
        assertEquals("{\"amount\":200.10}", json(exact));
    }

    /** A bean whose getter gives a new number each time it is read. */
    public static final class Ticking {
        private int reads;

        public int getReads() {
            return ++reads;
        }
    }

    /**
     * An object inside a Jackson tree the application passed is converted once, when the record is turned
     * into JSON: the line is written twice from the result (for its hash and for the file), and two reads of
     * a getter could disagree, so that the line would not match its own hash.
     */
    @Test
    void anObjectInsideAJacksonTreeIsReadOnce() {
        Ticking ticking = new Ticking();
        com.fasterxml.jackson.databind.node.ObjectNode tree = CanonicalJson.NODES.objectNode();
        tree.putPOJO("ticking", ticking);
        JsonNode json = JsonValues.of(Map.of("tree", tree));
        assertTrue(json.get("tree").get("ticking").isObject(), json.toString());
        assertEquals(1, json.get("tree").get("ticking").get("reads").intValue());
        assertEquals(CanonicalJson.write(json), CanonicalJson.write(json), "writing again reads nothing again");
        assertEquals(1, ticking.reads);
    }
}
