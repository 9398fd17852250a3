package dev.veto.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/**
 * The regex prefilter may only ever say "cannot match" when the regex indeed does not match: checked
 * piece by piece, and against java.util.regex itself on many random patterns and texts.
 */
class RequiredLiteralsTest {

    @Test
    void readsTheLiteralRunsEveryMatchNeeds() {
        assertEquals(List.of("select", "t_3"), RequiredLiterals.of("(?i)select\\s.*\\bt_3\\d*\\b.*").literals());
        assertEquals(List.of("a", "c"), RequiredLiterals.of("ab*c").literals());
        assertEquals(List.of("a", "c"), RequiredLiterals.of("ab?+c").literals());
        assertEquals(List.of("ab", "c"), RequiredLiterals.of("ab+c").literals());
        assertEquals(List.of("x.com"), RequiredLiterals.of(".*x\\.com").literals());
    }

    @Test
    void leavesEverythingOutsideItsGrammarToTheRegex() {
        for (String regex : List.of("a(b)", "a|b", "[ab]c", "x{2}", "\\Qab\\E", "caf\u00e9", "ab$", "^ab", "\\x41b",
                "(?x)a b", "(?iu)ab", "*a", "a**")) {
            assertSame(RequiredLiterals.NONE, RequiredLiterals.of(regex), regex);
        }
        assertTrue(RequiredLiterals.NONE.mayMatch("anything"));
        assertFalse(RequiredLiterals.NONE.plain());
    }

    @Test
    void aRegexOfTheGrammarWithNoRequiredPieceIsStillPlain() {
        for (String regex : List.of(".*", "\\d+", "(?i)\\w*?\\s")) {
            RequiredLiterals required = RequiredLiterals.of(regex);
            assertTrue(required.plain(), regex);
            assertEquals(List.of(), required.literals(), regex);
            assertTrue(required.mayMatch(""), regex);
        }
    }

    /**
     * What lets a regex of the grammar be judged without fear of failing: it cannot overflow the stack, and
     * those {@link PlainRegex} takes (plain: every construct but possessive and repeated boundaries) are not
     * even given to the JDK's regex. On a thread
     * whose stack a group repeat overflows on this text, random regexes of every construct of the grammar
     * (at most two unbounded quantifiers, so that backtracking stays quadratic) match or fail cleanly.
     */
    @Test
    void aPlainRegexDoesNotOverflowTheStack() throws InterruptedException {
        String text = "ab_ 3.".repeat(500);
        assertTrue(overflows("(a|b|_| |3|\\.)*", text), "the control: a group repeat overflows this stack");
        Random random = new Random(11);
        String[] atoms = {"a", "b", "_", "3", " ", "\\.", ".", "\\s", "\\d", "\\w", "\\b", "\\B", "\\S", "\\W", "\\D"};
        String[] quantifiers = {"", "*", "+", "?", "*?", "+?", "??", "*+", "++", "?+"};
        int tried = 0;
        while (tried < 150) {
            StringBuilder regex = new StringBuilder(random.nextBoolean() ? "(?i)" : "");
            int unbounded = 0;
            boolean linear = true; // what PlainRegex takes: no possessive repeat, no repeated boundary
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                String quantifier = quantifiers[random.nextInt(quantifiers.length)];
                if (quantifier.startsWith("*") || quantifier.startsWith("+")) {
                    if (++unbounded > 2) {
                        quantifier = "";
                    }
                }
                String atom = atoms[random.nextInt(atoms.length)];
                linear &= !(quantifier.length() == 2 && quantifier.endsWith("+"))
                        && !(atom.equalsIgnoreCase("\\b") && !quantifier.isEmpty());
                regex.append(atom).append(quantifier);
            }
            try {
                Pattern.compile(regex.toString());
            } catch (PatternSyntaxException e) {
                continue;
            }
            assertEquals(linear, RequiredLiterals.of(regex.toString()).plain(), regex.toString());
            assertFalse(overflows(regex.toString(), text), regex.toString());
            assertFalse(overflows(regex.toString(), text + "x"), regex.toString());
            tried++;
        }
    }

    /** Whether matching overflows a 128 KB stack. */
    private static boolean overflows(String regex, String text) throws InterruptedException {
        boolean[] overflowed = new boolean[1];
        Thread thread = new Thread(null, () -> {
            try {
                Pattern.compile(regex).matcher(text).matches();
            } catch (StackOverflowError e) {
                overflowed[0] = true;
            }
        }, "small-stack", 128 * 1024);
        thread.start();
        thread.join();
        return overflowed[0];
    }

    @Test
    void caseInsensitivePiecesFoldAtLeastAsWidelyAsTheRegex() {
        RequiredLiterals select = RequiredLiterals.of("(?i)select.*");
        assertTrue(select.mayMatch("SeLeCt *"));
        assertFalse(select.mayMatch("update"));
        assertFalse(RequiredLiterals.of("select.*").mayMatch("SELECT *"));
    }

    @Test
    void caseInsensitiveSearchTriesEveryPlaceTheFirstCharacterIsInEitherCase() {
        RequiredLiterals tab = RequiredLiterals.of("(?i).*tab.*");
        assertTrue(tab.mayMatch("t-T-tAB"));
        assertTrue(tab.mayMatch("T-t-Tab"));
        assertFalse(tab.mayMatch("t-T-TAx-ta"));
        RequiredLiterals underscore = RequiredLiterals.of("(?i).*_x.*");
        assertTrue(underscore.mayMatch("_y_X"));
        assertFalse(underscore.mayMatch("_y_"));
        // (?i) without u folds ASCII only: the Kelvin sign is not k to the regex, nor to the prefilter
        assertFalse(Pattern.compile("(?i)k.*").matcher("\u212A").matches());
        assertFalse(RequiredLiterals.of("(?i)k.*").mayMatch("\u212A"));
    }

    @Test
    void neverRefusesWhatTheRegexMatches() {
        Random random = new Random(7);
        String[] atoms = {"a", "b", "A", "k", "t", "_", "3", " ", "\\.", ".", "\\s", "\\d", "\\w", "\\b", "\\B", "\\S"};
        String[] quantifiers = {"", "", "", "*", "+", "?", "*?", "+?", "??", "*+"};
        String[] letters = {"a", "b", "A", "B", "k", "K", "\u212A", "t", "T", "_", "3", " ", ".", "\u017F", "s"};
        int matched = 0;
        int refused = 0;
        for (int p = 0; p < 3000; p++) {
            StringBuilder regex = new StringBuilder(random.nextInt(3) == 0 ? "(?i)" : "");
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                regex.append(atoms[random.nextInt(atoms.length)]).append(quantifiers[random.nextInt(quantifiers.length)]);
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex.toString());
            } catch (PatternSyntaxException e) {
                continue;
            }
            RequiredLiterals required = RequiredLiterals.of(regex.toString());
            for (int t = 0; t < 200; t++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(7); n > 0; n--) {
                    text.append(letters[random.nextInt(letters.length)]);
                }
                boolean matches = pattern.matcher(text).matches();
                boolean may = required.mayMatch(text.toString());
                if (matches) {
                    matched++;
                    assertTrue(may, () -> "prefilter refused " + text + " which " + regex + " matches");
                } else if (!may) {
                    refused++;
                }
            }
        }
        assertTrue(matched > 1000, "too few matches to mean anything: " + matched);
        assertTrue(refused > 10000, "the prefilter hardly ever refused: " + refused);
    }
}
