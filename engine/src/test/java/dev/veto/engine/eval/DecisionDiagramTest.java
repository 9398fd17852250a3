package dev.veto.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.RuleOrderFuzzTest;
import dev.veto.engine.match.SlotValues;
import dev.veto.engine.policy.PolicyException;
import dev.veto.engine.policy.PolicyLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A tool's decision diagram must decide exactly as evaluating every rule in file order does ({@code explain}),
 * and give way to the check-by-check path whenever a value's type could make a rule fail.
 */
class DecisionDiagramTest {

    private static CompiledPolicy compile(String yaml, DiagramCell.Mode mode) {
        try {
            return CompiledPolicy.compile(PolicyLoader.standard().parse(yaml, "test.yaml"), null, System::nanoTime, mode);
        } catch (PolicyException e) {
            throw new AssertionError(e);
        }
    }

    /** The hot path's verdict, after requiring that it is explain's: action, deciding rule and reason. */
    private static Verdict decide(CompiledPolicy compiled, String tool, Map<String, ?> arguments, Map<String, ?> context) {
        Verdict hot = Evaluator.evaluate(compiled, tool, arguments, context, null);
        Verdict explained = Evaluator.evaluate(compiled, tool, arguments, context, new Tracer());
        String why = tool + " " + arguments + " " + context + "\n" + compiled.policy();
        assertEquals(explained.action(), hot.action(), why);
        assertEquals(explained.ruleId(), hot.ruleId(), why);
        assertEquals(explained.reason(), hot.reason(), why);
        return hot;
    }

    /** What the tool's diagram answers on its own: a verdict, or null when it gives way. */
    private static Verdict diagramAnswer(CompiledPolicy compiled, String tool, Map<String, ?> arguments, Map<String, ?> context) {
        ToolProgram program = compiled.programFor(tool);
        SlotValues call = program.checks().newCall(arguments, context);
        return program.diagram().get().decide(program.checks(), call);
    }

    /**
     * Random policies whose every check is decided by a class or is a text check, so that every tool has a
     * diagram; values mostly of the types the checks expect (the diagram answers) and sometimes not, missing,
     * null or behind a failing getter (it must give way). With diagrams off, the same calls hold the
     * check-by-check path to the same answers.
     */
    @Test
    void decidesAsFileOrderDoesOnRandomPolicies() {
        for (DiagramCell.Mode mode : new DiagramCell.Mode[] {DiagramCell.Mode.NOW, DiagramCell.Mode.OFF}) {
            Random random = new Random(RuleOrderFuzzTest.SEED);
            int answered = 0;
            int gaveWay = 0;
            int tools = 0;
            int diagrams = 0;
            for (int p = 0; p < RuleOrderFuzzTest.POLICIES; p++) {
                CompiledPolicy compiled = compile(RuleOrderFuzzTest.policy(random, false), mode);
                for (String tool : new String[] {"t0", "t1"}) {
                    tools++;
                    if (compiled.programFor(tool).diagram().get() != null) {
                        diagrams++;
                    }
                }
                for (int c = 0; c < RuleOrderFuzzTest.CALLS_PER_POLICY; c++) {
                    String tool = "t" + random.nextInt(2);
                    Map<String, Object> arguments = RuleOrderFuzzTest.arguments(random);
                    Map<String, Object> context = new HashMap<>();
                    context.put("role", RuleOrderFuzzTest.wellTyped(random)
                            ? RuleOrderFuzzTest.pick(random, "admin", "clerk") : RuleOrderFuzzTest.odd(random));
                    decide(compiled, tool, arguments, context);
                    if (mode == DiagramCell.Mode.NOW && compiled.programFor(tool).diagram().get() != null) {
                        if (diagramAnswer(compiled, tool, arguments, context) == null) {
                            gaveWay++;
                        } else {
                            answered++;
                        }
                    }
                }
            }
            if (mode == DiagramCell.Mode.NOW) {
                assertTrue(diagrams > tools * 9 / 10, "most tools have a diagram: " + diagrams + " of " + tools);
                assertTrue(answered > 6000, "the diagrams answer most calls: " + answered);
                assertTrue(gaveWay > 1000, "and give way on odd values: " + gaveWay);
            } else {
                assertEquals(0, diagrams, "diagrams off");
            }
        }
    }

    private static final String ROLES = """
            name: p
            default_action: allow
            rules:
              - id: small
                tool: t
                conditions:
                  - match: {arguments.amount: "< 100", context.role: clerk}
                    action: allow
              - id: admins
                tool: t
                conditions:
                  - match: {context.role: admin, arguments.note: {starts_with: "ok"}}
                    action: require_approval
              - id: big
                tool: t
                conditions:
                  - match: {arguments.amount: ">= 1000"}
                    action: deny
            """;

    @Test
    void answersFromClassesAndTextChecks() {
        CompiledPolicy compiled = compile(ROLES, DiagramCell.Mode.NOW);
        Map<String, Object> context = Map.of("role", "admin");
        assertEquals("admins", decide(compiled, "t", Map.of("amount", 500, "note", "ok then"), context).ruleId());
        assertEquals(null, decide(compiled, "t", Map.of("amount", 500, "note", "no"), context).ruleId());
        assertEquals("big", decide(compiled, "t", Map.of("amount", 1000L, "note", "ok"), context).ruleId());
        assertEquals("small", decide(compiled, "t", Map.of("amount", (short) 99, "note", ""), Map.of("role", "clerk")).ruleId());
        assertEquals("admins", diagramAnswer(compiled, "t", Map.of("amount", 500, "note", "ok then"), context).ruleId());
        assertSame(compiled.programFor("t").byDefault(),
                diagramAnswer(compiled, "t", Map.of("amount", 500, "note", "no"), context));
    }

    /**
     * A deny decides only if no rule before it fails. Here the first rule cannot be judged on an amount
     * that is text: the diagram must give way, and the check-by-check path finds the failure.
     */
    @Test
    void givesWayWhenAValueCouldMakeAnEarlierRuleFail() {
        CompiledPolicy compiled = compile(ROLES, DiagramCell.Mode.NOW);
        Map<String, Object> arguments = Map.of("amount", "lots", "note", "ok");
        assertNull(diagramAnswer(compiled, "t", arguments, Map.of("role", "clerk")));
        Verdict failed = decide(compiled, "t", arguments, Map.of("role", "clerk"));
        assertEquals("small", failed.ruleId());
        assertTrue(failed.reason().contains("could not be evaluated"), failed.reason());
        // a missing note: only evaluating the rule that reads it tells what it gives
        Map<String, Object> noNote = Map.of("amount", 5);
        assertNull(diagramAnswer(compiled, "t", noNote, Map.of("role", "admin")));
        decide(compiled, "t", noNote, Map.of("role", "admin"));
    }

    /**
     * A rule's own deny decides whatever other rules would fail: the diagram answers it without reading the
     * values of the rules before it. Here the note that admins reads is missing, which would fail that rule.
     */
    @Test
    void answersARulesOwnDenyWithoutTheValuesOfOtherRules() {
        CompiledPolicy compiled = compile(ROLES, DiagramCell.Mode.NOW);
        Map<String, Object> arguments = Map.of("amount", 5000);
        Map<String, Object> context = Map.of("role", "admin");
        assertEquals("big", diagramAnswer(compiled, "t", arguments, context).ruleId());
        Verdict denied = decide(compiled, "t", arguments, context);
        assertEquals("big", denied.ruleId());
        assertFalse(denied.unevaluable(), denied.reason());
    }

    /** A deny's rule with a text check in a condition before the denying one (tool a), and after it (tool b). */
    private static final String DENY_AND_A_TEXT_CHECK = """
            name: p
            default_action: allow
            rules:
              - id: text-first
                tool: a
                conditions:
                  - match: {arguments.note: {starts_with: "ok"}, arguments.region: eu}
                    action: allow
                  - match: {arguments.region: blocked}
                    action: deny
              - id: deny-first
                tool: b
                conditions:
                  - match: {arguments.region: blocked}
                    action: deny
                  - match: {arguments.note: {starts_with: "ok"}}
                    action: require_approval
            """;

    private static final Map<String, Object> TEXT_NOTE = Map.of("region", "blocked", "note", "x");
    private static final Map<String, Object> NUMBER_NOTE = Map.of("region", "blocked", "note", 5);

    /**
     * The deny's own rule must be judged in written order: the region alone shows that its first condition
     * misses, but evaluation reads the note first, and a note that is not text fails the rule. So the deny's
     * leaf keeps the types of its rule's conditions up to the denying one, and the diagram gives way on such
     * a note.
     */
    @Test
    void aDenyStillNeedsTheTypesOfTheConditionsBeforeIt() {
        CompiledPolicy compiled = compile(DENY_AND_A_TEXT_CHECK, DiagramCell.Mode.NOW);
        assertEquals("text-first", diagramAnswer(compiled, "a", TEXT_NOTE, Map.of()).ruleId());
        assertFalse(decide(compiled, "a", TEXT_NOTE, Map.of()).unevaluable());

        assertNull(diagramAnswer(compiled, "a", NUMBER_NOTE, Map.of()));
        Verdict failed = decide(compiled, "a", NUMBER_NOTE, Map.of());
        assertEquals("text-first", failed.ruleId());
        assertTrue(failed.unevaluable());
        assertTrue(failed.reason().contains("could not be evaluated"), failed.reason());
    }

    /** The conditions after the one that denies are never evaluated: a note that is not text changes nothing. */
    @Test
    void aDenyNeedsNoTypesOfTheConditionsAfterIt() {
        CompiledPolicy compiled = compile(DENY_AND_A_TEXT_CHECK, DiagramCell.Mode.NOW);
        assertEquals("deny-first", diagramAnswer(compiled, "b", NUMBER_NOTE, Map.of()).ruleId());
        assertFalse(decide(compiled, "b", NUMBER_NOTE, Map.of()).unevaluable());
        // past the deny's condition, the note is evaluated and fails the rule
        Verdict failed = decide(compiled, "b", Map.of("region", "eu", "note", 5), Map.of());
        assertTrue(failed.unevaluable(), failed.reason());
    }

    /**
     * The diagram settles the deny's condition before it reads a value only a lower-ranked rule needs: a
     * call that the text check denies never looks at the amount. Splitting on every rule's class-decided
     * checks first read the amount before the query.
     */
    @Test
    void aDenyDecidedByATextCheckReadsNoValueOfARuleBelowIt() {
        CompiledPolicy compiled = compile("""
                name: p
                rules:
                  - id: small-refunds
                    tool: t
                    conditions:
                      - match: {arguments.amount: "<= 100"}
                        action: allow
                  - id: no-drop
                    tool: t
                    conditions:
                      - match: {arguments.query: {starts_with: drop}}
                        action: deny
                """, DiagramCell.Mode.NOW);
        ReadRecordingMap arguments = new ReadRecordingMap(Map.of("query", "drop table users", "amount", 50));
        assertEquals("no-drop", diagramAnswer(compiled, "t", arguments, Map.of()).ruleId());
        assertEquals(List.of("query"), arguments.reads);

        ReadRecordingMap allowed = new ReadRecordingMap(Map.of("query", "select 1", "amount", 50));
        assertEquals("small-refunds", diagramAnswer(compiled, "t", allowed, Map.of()).ruleId());
        assertEquals(Set.of("query", "amount"), new HashSet<>(allowed.reads));
    }

    /** A call's map that remembers which keys were looked up, in order. */
    private static final class ReadRecordingMap extends HashMap<String, Object> {
        private static final long serialVersionUID = 1L;
        final List<Object> reads = new ArrayList<>();

        ReadRecordingMap(Map<String, Object> values) {
            super(values);
        }

        @Override
        public Object get(Object key) {
            reads.add(key);
            return super.get(key);
        }

        @Override
        public Object getOrDefault(Object key, Object defaultValue) {
            reads.add(key);
            return super.getOrDefault(key, defaultValue);
        }
    }

    @Test
    void aToolWithACheckItsMatcherJudgesHasNoDiagram() {
        CompiledPolicy compiled = compile("""
                name: p
                default_action: allow
                rules:
                  - id: decimal
                    tool: t
                    conditions:
                      - match: {arguments.amount: "> 10.5"}
                        action: deny
                """, DiagramCell.Mode.NOW);
        assertNull(compiled.programFor("t").diagram().get());
        assertEquals("decimal", decide(compiled, "t", Map.of("amount", 11), Map.of()).ruleId());
    }

    @Test
    void theModeIsReadFromThePropertyAndAnUnknownValueIsIgnored() {
        assertEquals(DiagramCell.Mode.BACKGROUND, DiagramCell.mode(null));
        assertEquals(DiagramCell.Mode.NOW, DiagramCell.mode(" Now "));
        assertEquals(DiagramCell.Mode.OFF, DiagramCell.mode("off"));
        assertEquals(DiagramCell.Mode.BACKGROUND, DiagramCell.mode("eager"));
    }

    /** In the background mode the first call asks for nothing, the second asks, and the diagram comes. */
    @Test
    void theBackgroundBuildsADiagramForAToolCalledTwice() throws InterruptedException {
        CompiledPolicy compiled = compile(ROLES, DiagramCell.Mode.BACKGROUND);
        DiagramCell cell = compiled.programFor("t").diagram();
        assertNull(cell.get(), "first call");
        Thread.sleep(200);
        assertNull(cell.get(), "nothing was asked on the first call");
        long deadline = System.nanoTime() + 10_000_000_000L;
        DecisionDiagram built = null;
        while (built == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
            built = cell.get();
        }
        assertNotNull(built, "the diagram is built in the background");
    }
}
