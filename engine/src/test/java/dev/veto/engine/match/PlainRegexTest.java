package dev.veto.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PlainRegex} must give exactly {@code java.util.regex}'s answer for every regex it takes, on the JDK
 * the tests run on (they run on Java 17 and 25, whose {@code \b} differs outside ASCII), and must take time
 * linear in the value where the JDK's regex backtracks.
 */
class PlainRegexTest {

    /** Atoms of the plain grammar, the awkward ones included. */
    private static final String[] ATOMS = {
        "a", "b", "A", "k", "_", " ", "-", "1", "\\.", "\\-", "\\/", "\\*", ".", "\\s", "\\S", "\\d", "\\D", "\\w", "\\W",
    };
    private static final String[] QUANTIFIERS = {"", "", "", "*", "+", "?", "*?", "+?", "??"};
    private static final String[] BOUNDARIES = {"\\b", "\\B"};

    /**
     * Characters of values: ASCII letters in both cases, digits, the JDK's line terminators, a non-ASCII
     * letter and digit, a combining mark (which \b treats specially), a letter outside the BMP (two chars),
     * a lone surrogate, the Kelvin sign (which folds to k only under Unicode case folding).
     */
    private static final String[] CHARACTERS = {
        "a", "b", "A", "B", "k", "K", "_", " ", "\t", "\n", "\r", "\u000B", "-", ".", "/", "*", "1", "9",
        "\u00e9", "\u0663", "\u0301", "\u0085", "\u2028", "\u2029", "\u00a0", "\uD835\uDC00", "\uD800", "\u212A",
    };

    @Test
    void agreesWithTheJdkOnGeneratedRegexesAndValues() {
        Random random = new Random(20261126L);
        int compared = 0;
        for (int r = 0; r < Integer.getInteger("plainRegex.rounds", 10_000); r++) {
            String regex = randomRegex(random);
            PlainRegex linear = PlainRegex.of(regex);
            if (linear == null) {
                continue;
            }
            Pattern pattern = Pattern.compile(regex);
            for (int v = 0; v < 60; v++) {
                String value = randomValue(random, regex);
                assertEquals(pattern.matcher(value).matches(), linear.matches(value),
                        () -> "regex " + escape(regex) + " on " + escape(value));
                compared++;
            }
        }
        assertTrue(compared > 300_000 || Integer.getInteger("plainRegex.rounds") != null, "compared only " + compared);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(?i)select\\s.*\\bt_3\\d*\\b.*|select * from t_3 where id = 1|true",
        "(?i)select\\s.*\\bt_3\\d*\\b.*|SELECT * FROM T_3|true",
        "(?i)select\\s.*\\bt_3\\d*\\b.*|select * from t_3x|false",
        "(?i)select\\s.*\\bt_3\\d*\\b.*|select * from t_34|true",
        "a+b|ab|true",
        "a+b|b|false",
        "\\bfoo\\b|foo|true",
        "\\Bfoo|foo|false",
        ".*\\.example\\.com|api.example.com|true",
        ".*\\.example\\.com|api.example.comx|false",
    })
    void answersAsTheJdkDoesOnExamples(String regex, String value, boolean expected) {
        assertEquals(expected, Pattern.compile(regex).matcher(value).matches(), "the example itself");
        assertEquals(expected, PlainRegex.of(regex).matches(value));
    }

    @Test
    void leavesToTheJdkWhatItDoesNotSimulate() {
        assertNull(PlainRegex.of("a*+b"), "possessive: matches less than greedy");
        assertNull(PlainRegex.of("\\b+a"), "a repeated boundary");
        assertNull(PlainRegex.of("(a|b)*"));
        assertNull(PlainRegex.of("[ab]"));
        assertNull(PlainRegex.of("a{2}"));
        assertNull(PlainRegex.of("^a$"));
        assertNull(PlainRegex.of("\\ta"));
        assertNull(PlainRegex.of("a".repeat(64)), "more atoms than bits");
        assertNotNull(PlainRegex.of("a".repeat(63)));
        assertFalse(PlainRegex.of("a".repeat(63)).matches("a".repeat(62)));
        assertTrue(PlainRegex.of("a".repeat(63)).matches("a".repeat(63)));
        assertNull(PlainRegex.of("a+".repeat(32)), "each + is two atoms");
    }

    @Test
    void aValueThatMakesTheJdkBacktrackIsJudgedInLinearTime() {
        // .*a.*b on 200,000 a's: java.util.regex tries each place of the first .* against each of the second
        // (4 * 10^10 steps: minutes); the simulation reads each character once
        String value = "a".repeat(200_000);
        PlainRegex linear = PlainRegex.of(".*a.*a.*b");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(linear.matches(value)));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertTrue(linear.matches(value + "b")));
    }

    private static String randomRegex(Random random) {
        StringBuilder regex = new StringBuilder(random.nextInt(4) == 0 ? "(?i)" : "");
        int atoms = 1 + random.nextInt(6);
        for (int i = 0; i < atoms; i++) {
            if (random.nextInt(5) == 0) {
                regex.append(BOUNDARIES[random.nextInt(BOUNDARIES.length)]);
            }
            regex.append(ATOMS[random.nextInt(ATOMS.length)]).append(QUANTIFIERS[random.nextInt(QUANTIFIERS.length)]);
        }
        if (random.nextInt(5) == 0) {
            regex.append(BOUNDARIES[random.nextInt(BOUNDARIES.length)]);
        }
        return regex.toString();
    }

    /** A value of random characters, or one built from the regex's own literal characters, to hit matches. */
    private static String randomValue(Random random, String regex) {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(13);
        boolean fromRegex = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            if (fromRegex && random.nextInt(3) != 0) {
                char c = regex.charAt(random.nextInt(regex.length()));
                value.append(c == '\\' ? 'a' : c);
            } else {
                value.append(CHARACTERS[random.nextInt(CHARACTERS.length)]);
            }
        }
        return value.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.append('"').toString();
    }
}
