package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * A decision behaves as the record it was: its accessors, equality, hash and text. Its drawn id is written
 * out when first read, and reads the same text every time and from every thread.
 */
class DecisionTest {

    @Test
    void aDrawnIdIsAVersion4UuidAndReadsTheSameEveryTime() {
        Decision decision = Decision.withNewId("t", Action.ALLOW, "ok", null, null, null, Action.ALLOW);
        String id = decision.id();
        assertTrue(DecisionIdsTest.V4.matcher(id).matches(), id);
        assertSame(id, decision.id());
        assertNotEquals(id, Decision.withNewId("t", Action.ALLOW, "ok", null, null, null, Action.ALLOW).id());
    }

    @Test
    void threadsReadingADrawnIdForTheFirstTimeAllReadOneText() throws Exception {
        for (int round = 0; round < 200; round++) {
            Decision decision = Decision.withNewId("t", Action.DENY, "no", "r", "rules[0]", null, Action.DENY);
            ConcurrentLinkedQueue<String> read = new ConcurrentLinkedQueue<>();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread reader = new Thread(() -> read.add(decision.id()));
                reader.start();
                readers.add(reader);
            }
            for (Thread reader : readers) {
                reader.join();
            }
            assertEquals(1, read.stream().distinct().count(), read.toString());
            assertEquals(decision.id(), read.peek());
        }
    }

    @Test
    void equalityHashAndTextAreARecordsOverEveryAccessor() {
        Decision drawn = Decision.withNewId("issue_refund", Action.APPROVAL_REQUIRED, "over 200", "refund-limits",
                "rules[0].conditions[1]", Duration.ofMinutes(5), Action.APPROVAL_REQUIRED);
        Decision given = new Decision(drawn.id(), "issue_refund", Action.APPROVAL_REQUIRED, "over 200",
                "refund-limits", "rules[0].conditions[1]", Duration.ofMinutes(5), Action.APPROVAL_REQUIRED);
        assertEquals(drawn, given);
        assertEquals(given, drawn);
        assertEquals(drawn.hashCode(), given.hashCode());
        assertEquals(recordHash(drawn.id(), "issue_refund", Action.APPROVAL_REQUIRED, "over 200", "refund-limits",
                "rules[0].conditions[1]", Duration.ofMinutes(5), Action.APPROVAL_REQUIRED), given.hashCode());
        assertEquals("Decision[id=" + drawn.id() + ", tool=issue_refund, action=APPROVAL_REQUIRED, reason=over 200,"
                + " ruleId=refund-limits, condition=rules[0].conditions[1], approvalTimeout=PT5M,"
                + " enforcedAction=APPROVAL_REQUIRED]", drawn.toString());
        assertNotEquals(drawn, new Decision(drawn.id(), "issue_refund", Action.ALLOW, "over 200", "refund-limits",
                "rules[0].conditions[1]", Duration.ofMinutes(5), Action.APPROVAL_REQUIRED));
        assertNotEquals(drawn, new Decision("other", "issue_refund", Action.APPROVAL_REQUIRED, "over 200",
                "refund-limits", "rules[0].conditions[1]", Duration.ofMinutes(5), Action.APPROVAL_REQUIRED));
    }

    @Test
    void aGivenIdIsKeptAsGivenEvenNull() {
        assertEquals("d-1", new Decision("d-1", "t", Action.DENY, "r", null, null, null, Action.DENY).id());
        assertNull(new Decision(null, "t", Action.DENY, "r", null, null, null, Action.DENY).id());
    }

    /** What a record's hashCode gives for these components. */
    private static int recordHash(Object... components) {
        int h = 0;
        for (Object c : components) {
            h = 31 * h + Objects.hashCode(c);
        }
        return h;
    }
}
