package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A policy's regex runs on values the model chooses. Java's regex engine backtracks: (.*a){15}b on 74 a's runs
 * for hours, on the application's thread that made the tool call. Like the sql operator's parsing, a regex
 * (outside the plain grammar that RequiredLiterals reads) is given a time limit, and a value it cannot judge in
 * time is an evaluation error: the call is denied, and the thread goes on.
 */
class RegexTimeLimitTest {

    @Test
    void aRegexThatBacktracksForeverIsAnEvaluationErrorAfterItsTimeLimit() throws Exception {
        String policy = """
                default_action: allow
                rules:
                  - id: names
                    tool: t
                    conditions:
                      - match: {arguments.name: {regex: "(.*a){15}b"}}
                        action: allow
                      - match: {}
                        action: deny
                """;
        try (Veto veto = Veto.fromString(policy)) {
            Map<String, Object> arguments = Map.of("name", "a".repeat(74));
            Decision decision = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> veto.protect("t", arguments, Map.of()));
            assertEquals(Action.DENY, decision.action());
            assertTrue(decision.reason().startsWith("rule names could not be evaluated, so the call is denied: arguments.name"
                    + " (operator regex): the regex did not finish within 2 s on a value of 74 characters"), decision.reason());
            assertEquals(decision.reason(), veto.explain("t", arguments, Map.of()).decision().reason());
            // an ordinary value is judged as before
            assertEquals(Action.ALLOW, veto.protect("t", Map.of("name", "a".repeat(15) + "b"), Map.of()).action());
        }
    }
}
