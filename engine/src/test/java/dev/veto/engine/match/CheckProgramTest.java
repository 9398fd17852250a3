package dev.veto.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.policy.Condition;
import dev.veto.engine.policy.Policy;
import dev.veto.engine.policy.PolicyLoader;
import dev.veto.engine.policy.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled checks of the hot path ({@link CheckProgram}) against the expression trees they are compiled
 * from: for every match and every call, the same answer, or an error with the same message. The matchers
 * cover each operand shape the program judges inline and the ones it hands back to the tree; the values
 * cover each kind it judges inline (String, int, long, short, byte) and each it must not (other
 * CharSequences, enums, characters, exact and floating numbers, null, missing, lists, arrays, a getter that
 * throws), so both the shortcuts and the fallbacks are held to the tree.
 */
class CheckProgramTest {

    static final long SEED = 20261126L;

    enum Shade { abc, b }

    public static final class Bean {
        public Object getValue() {
            throw new IllegalStateException("getter fails");
        }
    }

    static final String[] PATHS = {"arguments.a", "arguments.b", "arguments.n.x", "context.r", "arguments.bean.value"};

    static final String[] MATCHERS = {
        "abc", "\"== abc\"", "\"!= abc\"", "200", "\"<= 200\"", "\"< 5\"", "\"> -1\"", "\">= 200\"", "\"== 200\"",
        "\"!= 3\"", "\"< -9223372036854775808\"", "\"> 9223372036854775807\"", "\"<= -9223372036854775808\"",
        "\">= 9223372036854775807\"", "\"!= 9223372036854775807\"", "\"<= 2.5\"", "\"== 2e2\"", "[abc, b]", "[abc, 1]", "[200, 3]", "{in: [x, abc]}", "{not_in: [abc]}",
        "{not_in: [abc, 2]}", "{starts_with: ab}", "{starts_with: \"\"}", "{ends_with: bc}", "{ends_with: \"\"}",
        "{contains: b}", "{contains: 1}", "{max_length: 3}", "{max_length: 0}", "{regex: \"(?i)a.*c\"}",
        "{regex: \"[a-c]+\"}", "{regex: \"(?i)_ab.*c\"}", "{regex: \"(?i)xab.*C\"}", "{regex: \"b.*c\"}",
        "{contains: Bc}", "{starts_with: _A}", "[c1, c2, c3, c4, c5, c6, c7, c8, b, xbc]",
        "{not_in: [c1, c2, c3, c4, c5, c6, c7, c8, c9, abc, \"\"]}", "{exists: true}", "{exists: false}", "true", "null", "{starts_with: a, ends_with: c}",
    };

    static Object value(Random r) {
        return switch (r.nextInt(34)) {
            case 0 -> null;
            case 1 -> "abc";
            case 2 -> "ABC";
            case 3 -> "";
            case 4 -> "b";
            case 5 -> "ab";
            case 6 -> "xbc";
            case 7 -> "200";
            case 8 -> "\uD83D\uDE00\uD83D\uDE00";
            case 9 -> new StringBuilder("abc");
            case 10 -> 'b';
            case 11 -> Shade.abc;
            case 12 -> 200;
            case 13 -> 3;
            case 14 -> -1;
            case 15 -> 200L;
            case 16 -> (short) 5;
            case 17 -> (byte) 1;
            case 18 -> new BigDecimal("200.0");
            case 19 -> 2.5d;
            case 20 -> Double.NaN;
            case 21 -> true;
            case 22 -> List.of("abc", 1);
            case 23 -> new int[] {1};
            case 24 -> "a-long-value-that-ends-with-abc";
            case 25 -> "select * from t_1";
            case 26 -> Long.MAX_VALUE;
            case 27 -> Integer.MIN_VALUE;
            case 28 -> "_AB.c";
            case 29 -> "\u212Abc-xAbxxc";
            case 30 -> "XaB\u00e9c";
            case 31 -> Long.MIN_VALUE;
            default -> "bc";
        };
    }

    static String match(Random r, int depth) {
        int kind = depth > 2 ? 3 : r.nextInt(7);
        return switch (kind) {
            case 0 -> "{any: [" + match(r, depth + 1) + ", " + match(r, depth + 1) + ", " + match(r, depth + 1) + "]}";
            case 1 -> "{all: [" + match(r, depth + 1) + ", " + match(r, depth + 1) + "]}";
            case 2 -> "{not: " + match(r, depth + 1) + "}";
            case 3 -> "{\"" + PATHS[r.nextInt(PATHS.length)] + "\": " + MATCHERS[r.nextInt(MATCHERS.length)] + "}";
            default -> "{\"" + PATHS[r.nextInt(2)] + "\": " + MATCHERS[r.nextInt(MATCHERS.length)] + ", \""
                    + PATHS[2 + r.nextInt(3)] + "\": " + MATCHERS[r.nextInt(MATCHERS.length)] + "}";
        };
    }

    /** Every condition of a random policy: several matches, compiled into one program as a tool's are. */
    static List<Expression> matches(Random r) throws Exception {
        StringBuilder y = new StringBuilder("name: t\nrules:\n  - tool: t\n    conditions:\n");
        for (int i = 1 + r.nextInt(6); i > 0; i--) {
            y.append("      - match: ").append(match(r, 0)).append("\n        action: allow\n");
        }
        Policy policy = PolicyLoader.standard().parse(y.toString(), "generated");
        List<Expression> matches = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            for (Condition condition : rule.conditions()) {
                matches.add(condition.match());
            }
        }
        return matches;
    }

    static Map<String, Object> arguments(Random r) {
        Map<String, Object> arguments = new HashMap<>();
        for (String key : new String[] {"a", "b"}) {
            if (r.nextInt(8) != 0) {
                arguments.put(key, value(r));
            }
        }
        if (r.nextInt(8) != 0) {
            Map<String, Object> nested = new HashMap<>();
            nested.put("x", value(r));
            arguments.put("n", nested);
        }
        if (r.nextInt(4) == 0) {
            arguments.put("bean", new Bean());
        }
        return arguments;
    }

    /** The answer, or the error's message: what the engine turns into a verdict. */
    static String outcome(ThrowingTest test) {
        try {
            return test.run() ? "match" : "miss";
        } catch (EvaluationException e) {
            return "error: " + e.getMessage();
        }
    }

    interface ThrowingTest {
        boolean run() throws EvaluationException;
    }

    @Test
    void compiledChecksAnswerExactlyAsTheTreesDo() throws Exception {
        Random random = new Random(SEED);
        int compared = 0;
        int errors = 0;
        int matched = 0;
        for (int p = 0; p < 1500; p++) {
            List<Expression> matches = matches(random);
            CheckProgram.Builder builder = new CheckProgram.Builder();
            int[] entries = new int[matches.size()];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = builder.add(matches.get(i));
            }
            CheckProgram program = builder.build();
            for (int c = 0; c < 8; c++) {
                Map<String, Object> arguments = arguments(random);
                Map<String, Object> context = new HashMap<>();
                if (random.nextInt(8) != 0) {
                    context.put("r", value(random));
                }
                CallValues tree = new CallValues(arguments, context);
                SlotValues slots = program.newCall(arguments, context);
                for (int i = 0; i < entries.length; i++) {
                    Expression match = matches.get(i);
                    int entry = entries[i];
                    String expected = outcome(() -> match.test(tree, null));
                    String actual = outcome(() -> program.holds(entry, slots));
                    int number = p;
                    assertEquals(expected, actual, () -> "policy #" + number + " match " + match + "\narguments "
                            + arguments + "\ncontext " + context);
                    compared++;
                    errors += expected.startsWith("error") ? 1 : 0;
                    matched += expected.equals("match") ? 1 : 0;
                }
            }
        }
        assertTrue(errors > 1000 && matched > 1000 && compared - errors - matched > 1000,
                "matches, misses and errors are all exercised: " + compared + " compared, " + errors + " errors, "
                        + matched + " matches");
    }

    @Test
    void aLongListIsATableThatFindsExactlyItsMembers() throws Exception {
        StringBuilder list = new StringBuilder("[Aa, BB");
        for (int i = 0; i < 40; i++) {
            list.append(", s").append(i);
        }
        Policy policy = PolicyLoader.standard().parse("name: t\nrules:\n  - tool: t\n    conditions:\n"
                + "      - match: {arguments.a: " + list + "]}\n        action: allow\n"
                + "      - match: {arguments.a: {not_in: " + list + "]}}\n        action: allow\n", "long lists");
        CheckProgram.Builder builder = new CheckProgram.Builder();
        int in = builder.add(policy.rules().get(0).conditions().get(0).match());
        int notIn = builder.add(policy.rules().get(0).conditions().get(1).match());
        CheckProgram program = builder.build();
        List<String> members = new ArrayList<>(List.of("Aa", "BB"));
        for (int i = 0; i < 40; i++) {
            members.add("s" + i);
        }
        for (String member : members) {
            String copy = new String(member.toCharArray());
            assertEquals("match", outcome(() -> program.holds(in, program.newCall(Map.of("a", copy), Map.of()))), member);
            assertEquals("miss", outcome(() -> program.holds(notIn, program.newCall(Map.of("a", copy), Map.of()))), member);
        }
        // "C#" has the hash of "Aa" and "BB"; the others are near misses
        for (String stranger : List.of("C#", "s40", "s", "", "aa", "S1")) {
            assertEquals("miss", outcome(() -> program.holds(in, program.newCall(Map.of("a", stranger), Map.of()))), stranger);
            assertEquals("match", outcome(() -> program.holds(notIn, program.newCall(Map.of("a", stranger), Map.of()))), stranger);
        }
    }

    @Test
    void allAnyAndNotBecomeJumpsThatStopWhereTheTreeStops() throws Exception {
        Policy policy = PolicyLoader.standard().parse("""
                name: t
                rules:
                  - tool: t
                    conditions:
                      - match: {any: [{arguments.a: x}, {arguments.b: "<= 1"}], not: {context.r: [p, q]}}
                        action: allow
                      - match: {}
                        action: deny
                """, "jumps");
        CheckProgram.Builder builder = new CheckProgram.Builder();
        int first = builder.add(policy.rules().get(0).conditions().get(0).match());
        int always = builder.add(policy.rules().get(0).conditions().get(1).match());
        CheckProgram program = builder.build();
        assertEquals(3, program.size());
        assertEquals(CheckProgram.MATCH, always, "an empty match holds without a check");
        // a holds: b is never read, so b's wrong type is no error
        assertEquals("match", outcome(() -> program.holds(first, program.newCall(Map.of("a", "x", "b", "text"), Map.of("r", "z")))));
        // a misses and b cannot be compared: the error ends the match
        assertEquals("error: arguments.b (operator <=): value is the string \"text\", expected a number",
                outcome(() -> program.holds(first, program.newCall(Map.of("a", "y", "b", "text"), Map.of("r", "z")))));
        // not: a role in the list makes the match miss
        assertEquals("miss", outcome(() -> program.holds(first, program.newCall(Map.of("a", "x"), Map.of("r", "q")))));
        assertEquals("match", outcome(() -> program.holds(always, program.newCall(Map.of(), Map.of()))));
    }
}
