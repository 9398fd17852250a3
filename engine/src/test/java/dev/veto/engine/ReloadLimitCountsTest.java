package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload that writes the same limit differently keeps its counts: it cannot be used to reset a limit. */
class ReloadLimitCountsTest {

    private static String policy(String rate, String budget) {
        return """
                rules:
                  - id: pay
                    tool: pay
                    action: allow
                    constraints:
                      rate_limit: {limit: %s, per: context.userId}
                      budget: {sum: arguments.amount, limit: %s, per: context.userId}
                """.formatted(rate, budget);
    }

    private static Decision pay(Veto veto, int amount) {
        return veto.protect("pay", Map.of("amount", amount), Map.of("userId", "ann"));
    }

    @Test
    void theSameBudgetWrittenWithDecimalsKeepsWhatWasSpent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, policy("10/hour", "100/day"));
        AtomicLong nanos = new AtomicLong(1);
        try (Veto veto = Veto.builder().policyFile(file).nanoClock(nanos::get).build()) {
            assertEquals(Action.ALLOW, pay(veto, 100).action());
            Files.writeString(file, policy("10/hour", "100.00/day"));
            veto.reload();
            Decision after = pay(veto, 100);
            assertEquals(Action.DENY, after.action(), after.reason());
            assertTrue(after.reason().contains("0 left, 100 asked"), after.reason());
        }
    }

    @Test
    void theSameRateLimitWrittenWithDecimalsKeepsItsCount(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, policy("2/hour", "100/day"));
        AtomicLong nanos = new AtomicLong(1);
        try (Veto veto = Veto.builder().policyFile(file).nanoClock(nanos::get).build()) {
            assertEquals(Action.ALLOW, pay(veto, 1).action());
            assertEquals(Action.ALLOW, pay(veto, 1).action());
            Files.writeString(file, policy("2.0/hour", "100/day"));
            veto.reload();
            Decision after = pay(veto, 1);
            assertEquals(Action.DENY, after.action(), after.reason());
            assertTrue(after.reason().contains("rate limit"), after.reason());
        }
    }
}
