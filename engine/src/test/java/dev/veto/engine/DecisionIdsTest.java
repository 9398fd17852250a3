package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The form of a decision id, which the log, the CLI and the approval channels' URLs carry: v4 UUID text. */
class DecisionIdsTest {

    static final Pattern V4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @Test
    void anIdIsTheLowerCaseTextOfARandomVersion4Uuid() {
        for (int i = 0; i < 10_000; i++) {
            String id = DecisionIds.next();
            assertTrue(V4.matcher(id).matches(), id);
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(id, uuid.toString(), "the canonical text");
        }
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(DecisionIds.next()));
        }
    }
}
