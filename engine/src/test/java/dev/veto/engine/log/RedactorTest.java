package dev.veto.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    record Customer(String name, String ssn) {
    }

    public static final class Card {
        public String getNumber() {
            return "4111111111111111";
        }

        public String getHolder() {
            return "Ada";
        }
    }

    private final Redactor seedPolicy = Redactor.of(List.of("arguments.card_number", "context.session_token"));

    @Test
    void masksTheSeedPolicysPathsAndLeavesTheRest() {
        Map<String, Object> arguments = Map.of("card_number", "4111111111111111", "amount", 150);
        Map<String, Object> context = Map.of("session_token", "s3cr3t", "role", "support_l1");
        assertEquals(Map.of("card_number", "***", "amount", 150), seedPolicy.redactArguments(arguments));
        assertEquals(Map.of("session_token", "***", "role", "support_l1"), seedPolicy.redactContext(context));
    }

    @Test
    void neverChangesTheCallersObjects() {
        Map<String, Object> customer = new LinkedHashMap<>(Map.of("name", "Ada", "ssn", "123-45-6789"));
        Map<String, Object> arguments = new LinkedHashMap<>(Map.of("customer", customer, "amount", 5));
        Map<String, Object> redacted = Redactor.of(List.of("arguments.customer.ssn")).redactArguments(arguments);
        assertEquals(Map.of("customer", Map.of("name", "Ada", "ssn", "***"), "amount", 5), redacted);
        assertEquals("123-45-6789", customer.get("ssn"));
        assertSame(customer, arguments.get("customer"));
    }

    @Test
    void returnsTheCallersMapWhenNothingIsMasked() {
        Map<String, Object> arguments = Map.of("amount", 150);
        assertSame(arguments, seedPolicy.redactArguments(arguments));
        assertSame(arguments, Redactor.none().redactArguments(arguments));
        Map<String, Object> context = Map.of("role", "x");
        assertSame(context, seedPolicy.redactContext(context));
    }

    @Test
    void recordsAndBeansOnTheWayBecomeMaps() {
        Redactor redactor = Redactor.of(List.of("arguments.customer.ssn", "arguments.card.number"));
        Customer ada = new Customer("Ada", "123-45-6789");
        Map<String, Object> redacted = redactor.redactArguments(Map.of("customer", ada, "card", new Card()));
        assertEquals(Map.of("name", "Ada", "ssn", "***"), redacted.get("customer"));
        assertEquals(Map.of("holder", "Ada", "number", "***"), redacted.get("card"));
        assertEquals("123-45-6789", ada.ssn());
    }

    @Test
    void reachesIntoListItems() {
        List<Map<String, Object>> items = List.of(
                Map.of("sku", "a", "card_number", "1111"),
                Map.of("sku", "b", "card_number", "2222"));
        Map<String, Object> arguments = Map.of("items", items);
        assertEquals(Map.of("items", List.of(Map.of("sku", "a", "card_number", "***"), Map.of("sku", "b", "card_number", "***"))),
                Redactor.of(List.of("arguments.items.card_number")).redactArguments(arguments), "a name masks it in every item");
        assertEquals(Map.of("items", List.of(Map.of("sku", "a", "card_number", "1111"), Map.of("sku", "b", "card_number", "***"))),
                Redactor.of(List.of("arguments.items.1.card_number")).redactArguments(arguments), "a number picks one item");
        assertEquals(Map.of("items", List.of("***", "***")),
                Redactor.of(List.of("arguments.items.*")).redactArguments(arguments), "* masks every item");
        assertEquals(Map.of("tokens", List.of("a", "***")),
                Redactor.of(List.of("arguments.tokens.1")).redactArguments(Map.of("tokens", new String[] {"a", "b"})),
                "arrays too");
    }

    @Test
    void masksAWholeSubtreeAndValuesThatAreNull() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("payment", Map.of("card", Map.of("number", "4111")));
        arguments.put("pin", null);
        assertEquals(Map.of("payment", "***", "pin", "***"),
                Redactor.of(List.of("arguments.payment", "arguments.pin")).redactArguments(arguments));
    }

    @Test
    void aPathThatIsNotThereMasksNothing() {
        Map<String, Object> arguments = Map.of("customer", "just a string", "items", List.of(1, 2));
        assertSame(arguments, Redactor.of(List.of("arguments.customer.ssn", "arguments.items.5.x", "arguments.nope"))
                .redactArguments(arguments));
    }

    @Test
    void redactsAWholeMapOfRoots() {
        Map<String, Object> roots = Map.of(
                "arguments", Map.of("card_number", "4111", "amount", 1),
                "context", Map.of("session_token", "t", "role", "r"));
        assertEquals(Map.of(
                "arguments", Map.of("card_number", "***", "amount", 1),
                "context", Map.of("session_token", "***", "role", "r")), seedPolicy.redact(roots));
    }

    @Test
    void theMaskedCopyCanBeLoggedWhileTheCallerChangesItsOwn() {
        List<Object> items = new ArrayList<>(List.of(Map.of("card_number", "1")));
        Map<String, Object> redacted = Redactor.of(List.of("arguments.items.card_number"))
                .redactArguments(Map.of("items", items));
        items.add("added later");
        assertEquals(List.of(Map.of("card_number", "***")), redacted.get("items"));
    }

    @Test
    void refusesMalformedPaths() {
        IllegalArgumentException rootOnly = assertThrows(IllegalArgumentException.class, () -> Redactor.of(List.of("arguments")));
        assertTrue(rootOnly.getMessage().contains("expected ROOT.NAME"), rootOnly.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Redactor.of(List.of("arguments..card")));
        assertTrue(empty.getMessage().contains("empty segment"), empty.getMessage());
    }

    /** Match paths take {@code items[0]} as well as {@code items.0}; a redact path written so must mask too. */
    @Test
    void aListIndexInBracketsMasksAsTheDottedOneDoes() {
        Map<String, Object> arguments = Map.of("items", List.of(Map.of("card", "4111"), Map.of("card", "5500")));
        assertEquals(Map.of("items", List.of(Map.of("card", "***"), Map.of("card", "5500"))),
                Redactor.of(List.of("arguments.items[0].card")).redactArguments(arguments));
        assertEquals(Map.of("items", List.of(Map.of("card", "4111"), Map.of("card", "***"))),
                Redactor.of(List.of("arguments.items[1][0]", "arguments.items[1].card")).redactArguments(arguments));
        for (String bad : List.of("arguments.items[x].card", "arguments.items[0", "arguments.items[1]card", "arguments.items]")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Redactor.of(List.of(bad)), bad);
            assertTrue(e.getMessage().contains("[N]"), e.getMessage());
        }
    }

    /** Match paths look through Optionals, and the log writes an Optional as its value: so must redaction. */
    @Test
    void reachesThroughOptionals() {
        Map<String, Object> arguments = Map.of("customer", java.util.Optional.of(new Customer("Ada", "123-45-6789")),
                "card", java.util.Optional.of(Map.of("number", "4111")), "none", java.util.Optional.empty());
        Map<String, Object> redacted = Redactor.of(List.of("arguments.customer.ssn", "arguments.card.number", "arguments.none.x"))
                .redactArguments(arguments);
        assertEquals(java.util.Optional.of(Map.of("name", "Ada", "ssn", "***")), redacted.get("customer"));
        assertEquals(java.util.Optional.of(Map.of("number", "***")), redacted.get("card"));
        assertEquals(java.util.Optional.empty(), redacted.get("none"));
    }
}
