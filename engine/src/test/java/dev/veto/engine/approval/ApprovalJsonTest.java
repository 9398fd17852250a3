package dev.veto.engine.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What reviewers see of a held call's arguments: the log's conversion, bounded, and never failing. */
class ApprovalJsonTest {

    public record Line(String sku, BigDecimal price) {
    }

    public static final class Customer {
        public String getEmail() {
            return "jo@customer.example";
        }

        public String getPhone() {
            throw new IllegalStateException("lazy proxy closed");
        }
    }

    @Test
    void recordsBeansAndExactNumbersAreShownAsTheLogRecordsThem() {
        JsonNode arguments = ApprovalJson.pending(HeldCalls.request("d-1", "issue_refund",
                Map.of("amount", 200.01d, "line", new Line("B-7", new BigDecimal("19.90")), "customer", new Customer()),
                "supervisors", Duration.ofMinutes(5))).get("arguments");
        assertEquals("200.01", arguments.get("amount").toString());
        assertEquals("{\"sku\":\"B-7\",\"price\":19.90}", arguments.get("line").toString());
        assertEquals("jo@customer.example", arguments.get("customer").get("email").asText());
        assertTrue(arguments.get("customer").get("phone").asText().contains("IllegalStateException"),
                arguments.get("customer").toString());
    }

    @Test
    void aCyclicArgumentIsCutNotFollowedForever() {
        List<Object> cycle = new ArrayList<>();
        cycle.add("head");
        cycle.add(cycle);
        JsonNode shown = ApprovalJson.value(Map.of("items", cycle));
        assertEquals("head", shown.get("items").get(0).asText());
        assertTrue(shown.get("items").get(1).asText().startsWith("<cycle"), shown.toString());
    }
}
