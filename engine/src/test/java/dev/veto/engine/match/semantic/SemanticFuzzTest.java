package dev.veto.engine.match.semantic;

import static org.junit.jupiter.api.Assertions.fail;

import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.ValueMatcher;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random values, built from the pieces attackers use, never make a semantic operator throw anything but an
 * {@link EvaluationException} (which the engine turns into a deny): no parser bug reaches the host
 * application as a crash. Seeded, so a failure is reproducible.
 */
class SemanticFuzzTest {

    private static final String[] PIECES = {
        "http", "https", "://", ":", "/", "\\", "@", "%40", "%", "[", "]", "::", "ffff", "127", "0x7f", "0177",
        ".", "..", "#", "?", "=", "&", "example.com", "xn--", "bücher", "ß", "\u3002", "\uff20", "\u202e",
        "\u0000", "\n", "\r", "\t", " ", "\"", "'", "(", ")", "<", ">", ",", ";", "--", "/*", "*/", "/*!",
        "SELECT", "select", "DROP", "TABLE", "WITH", "AS", "DELETE", "FROM", "INTO", "OUTFILE", "WHERE", "$$",
        "a@b.c", "\\\"", "1e9999", "-", "+", "NaN", "0", "65535", "99999", "\ud800", "🎉", "~", "*", "|"
    };

    private static final Map<String, Object> OPERANDS = Map.ofEntries(
            Map.entry("path_within", List.of("/tmp/veto-fuzz-root")),
            Map.entry("path_not_within", List.of("/tmp/veto-fuzz-root")),
            Map.entry("host_in", List.of("example.com", "*.example.org")),
            Map.entry("host_not_in", List.of("example.com")),
            Map.entry("scheme_in", List.of("https")),
            Map.entry("port_in", List.of(443)),
            Map.entry("ip_private", true),
            Map.entry("sql", Map.of("allow", List.of("SELECT"), "require_where", List.of("DELETE"))),
            Map.entry("email_domain_in", List.of("example.com")),
            Map.entry("email_domain_not_in", List.of("example.com")),
            Map.entry("min", 0),
            Map.entry("max", 200),
            Map.entry("multiple_of", 0.01),
            Map.entry("charset", "[a-z0-9]"));

    @Test
    void randomValuesOnlyEverGiveAnAnswerOrAnEvaluationError() {
        Random random = new Random(20261125);
        for (Map.Entry<String, Object> entry : OPERANDS.entrySet()) {
            ValueMatcher matcher = SemanticOperators.all().get(entry.getKey()).compile(entry.getValue());
            int rounds = entry.getKey().equals("sql") ? 300 : 3000;
            for (int i = 0; i < rounds; i++) {
                String value = randomValue(random);
                try {
                    matcher.matches(value);
                } catch (EvaluationException expected) {
                    // a deny with a reason: fine
                } catch (RuntimeException | Error e) {
                    fail(entry.getKey() + " threw " + e + " on " + Inputs.quoted(value), e);
                }
            }
        }
    }

    private static String randomValue(Random random) {
        StringBuilder value = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int p = 0; p < pieces; p++) {
            if (random.nextInt(5) == 0) {
                value.append((char) random.nextInt(0x3000));
            } else {
                value.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return value.toString();
    }
}
