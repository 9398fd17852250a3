package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code per:} counts as one key: one value however it is written, and distinct values apart. */
class LimitKeysTest {

    private static Veto threePerUser() throws Exception {
        return Veto.builder().nanoClock(() -> 7).policyText("""
                rules:
                  - tool: send
                    action: allow
                    constraints:
                      rate_limit: {limit: 3/minute, per: context.userId}
                """).build();
    }

    private static Action send(Veto veto, Object userId) {
        return veto.protect("send", Map.of(), Map.of("userId", userId)).action();
    }

    @Test
    void oneNumberWrittenAsANumberOrAsTextIsOneKey() throws Exception {
        try (Veto veto = threePerUser()) {
            List<Object> spellings = List.of(100, "100", 100L, "1e2", new BigDecimal("100.00"), "+100");
            int allowed = 0;
            for (Object userId : spellings) {
                if (send(veto, userId) == Action.ALLOW) {
                    allowed++;
                }
            }
            assertEquals(3, allowed, "six spellings of user 100 share the three calls a minute");
        }
    }

    @Test
    void distinctValuesAndTextThatIsNoNumberAreCountedApart() throws Exception {
        try (Veto veto = threePerUser()) {
            for (Object userId : List.of("u-100", "100", "101", "0x64")) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(Action.ALLOW, send(veto, userId), userId + ", call " + (i + 1));
                }
                assertEquals(Action.DENY, send(veto, userId), userId + ", call 4");
            }
        }
    }
}
