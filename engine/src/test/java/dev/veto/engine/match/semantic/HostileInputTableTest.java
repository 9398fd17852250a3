package dev.veto.engine.match.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.OperatorCompiler;
import dev.veto.engine.match.ValueMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The specification of the semantic operators as a table: {@code semantic-matchers.table} lists hostile
 * inputs and the decision each must get, beside benign inputs that must still be allowed. The file's
 * header says how to read it.
 */
class HostileInputTableTest {

    private static Path sandbox;
    private static List<MatcherCase> cases;

    @BeforeAll
    static void buildSandboxAndReadTable() throws IOException {
        sandbox = PathSandbox.create();
        try (InputStream in = HostileInputTableTest.class.getResourceAsStream("/semantic-matchers.table")) {
            String table = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${tmp}", sandbox.toString());
            cases = MatcherCase.parseTable(table);
        }
    }

    @AfterAll
    static void removeSandbox() throws IOException {
        PathSandbox.delete(sandbox);
    }

    static Stream<MatcherCase> cases() {
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyInputGetsItsDecision(MatcherCase c) throws Exception {
        ValueMatcher matcher = compile(c.operator(), c.operand());
        switch (c.expected()) {
            case MATCH -> assertTrue(matcher.matches(c.input()), c + ": expected a match");
            case NO_MATCH -> assertEquals(false, matcher.matches(c.input()), c + ": expected no match");
            case ERROR -> {
                EvaluationException e = assertThrows(EvaluationException.class, () -> matcher.matches(c.input()),
                        c + ": expected an evaluation error (deny)");
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an evaluation error says why");
            }
        }
    }

    @Test
    void theTableHoldsAtLeast150HostileInputsAndTheBenignOnesThatMustPass() {
        long hostile = cases.stream().filter(MatcherCase::hostile).count();
        long benign = cases.size() - hostile;
        assertTrue(hostile >= 150, "hostile cases: " + hostile);
        assertTrue(benign >= 60, "benign cases: " + benign);
        // A guard that denies everything is no guard: every operator has benign inputs that it lets through.
        for (String operator : SemanticOperators.all().keySet()) {
            assertTrue(cases.stream().anyMatch(c -> c.operator().equals(operator) && !c.hostile()
                            && c.expected() != MatcherCase.Expected.ERROR),
                    operator + " has no benign case that passes");
            assertTrue(cases.stream().anyMatch(c -> c.operator().equals(operator) && c.expected() == MatcherCase.Expected.ERROR),
                    operator + " has no evaluation-error case");
        }
    }

    static ValueMatcher compile(String operator, Object operand) {
        OperatorCompiler compiler = SemanticOperators.all().get(operator);
        if (compiler == null) {
            fail("unknown operator " + operator);
        }
        return compiler.compile(operand);
    }
}
