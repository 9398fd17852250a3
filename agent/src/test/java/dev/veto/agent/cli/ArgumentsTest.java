package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static Arguments parse(String... words) throws UsageException {
        return Arguments.parse("eval", List.of(words), Set.of("policy", "args"), Set.of("coverage"));
    }

    @Test
    void optionsTakeTheNextWordOrTheTextAfterEquals() throws Exception {
        Arguments arguments = parse("--policy", "p.yaml", "--args={\"a\":1}", "--coverage", "file");
        assertEquals("p.yaml", arguments.option("policy"));
        assertEquals("{\"a\":1}", arguments.option("args"));
        assertTrue(arguments.has("coverage"));
        assertEquals(List.of("file"), arguments.positionals());
    }

    @Test
    void anUnknownFlagIsRefusedAndTheKnownOnesAreListed() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--polcy", "p.yaml"));
        assertEquals("unknown flag --polcy; this command knows --args, --policy, --coverage, --help",
                e.getMessage().replace("--policy, --args", "--args, --policy"));
        assertTrue(e.aboutFlags());
    }

    @Test
    void anOptionWithoutItsValueIsRefused() {
        assertEquals("--policy needs a value", assertThrows(UsageException.class, () -> parse("--policy")).getMessage());
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        assertEquals("--policy is given twice",
                assertThrows(UsageException.class, () -> parse("--policy", "a", "--policy", "b")).getMessage());
    }

    @Test
    void aSwitchTakesNoValue() {
        assertEquals("--coverage takes no value",
                assertThrows(UsageException.class, () -> parse("--coverage=yes")).getMessage());
    }

    @Test
    void aMissingRequiredOptionSaysWhich() throws Exception {
        assertEquals("--policy is required",
                assertThrows(UsageException.class, () -> parse().required("policy")).getMessage());
    }

    @Test
    void positionalsAreCounted() throws Exception {
        assertEquals("expected POLICY and CASES.yaml, got a.yaml",
                assertThrows(UsageException.class, () -> parse("a.yaml").positionals(2, "POLICY and CASES.yaml")).getMessage());
    }
}
