package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.policy.PolicyException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The hot path leaves out rules that cannot change a decision; explaining evaluates every rule in file
 * order. On random policies of many rules, with values that are mostly of the types the checks expect (so
 * that rules are left out) and sometimes not, missing, null or behind a failing getter (so that rules
 * fail), both must give the same action, deciding rule and reason. Seeded; {@link FuzzTest} covers
 * hostile values on small policies.
 */
public class RuleOrderFuzzTest {

    public static final long SEED = 20261126L;
    public static final int POLICIES = 300;
    public static final int CALLS_PER_POLICY = 40;

    private static final String[] ACTIONS = {"allow", "allow", "deny", "require_approval"};

    @Test
    void leavingOutRulesNeverChangesADecision() throws PolicyException {
        Random random = new Random(SEED);
        Map<Action, Integer> outcomes = new EnumMap<>(Action.class);
        int failures = 0;
        for (int p = 0; p < POLICIES; p++) {
            String policy = policy(random);
            AtomicLong clock = new AtomicLong();
            try (Veto hot = Veto.builder().policyText(policy).nanoClock(clock::get).build();
                    Veto traced = Veto.builder().policyText(policy).nanoClock(clock::get).build()) {
                for (int c = 0; c < CALLS_PER_POLICY; c++) {
                    String tool = "t" + random.nextInt(2);
                    Map<String, Object> arguments = arguments(random);
                    Map<String, Object> context = FuzzTest.single("role", wellTyped(random) ? pick(random, "admin", "clerk") : odd(random));
                    Decision decision = hot.protect(tool, arguments, context);
                    if (decision.action() == Action.APPROVAL_REQUIRED) {
                        hot.approvals().resolve(decision.id(), false, "test", "answered at once");
                    }
                    Decision explained = traced.explain(tool, arguments, context).decision();
                    int policyNumber = p;
                    String why = "policy #" + policyNumber + " (seed " + SEED + "), " + tool + " " + arguments + " " + context
                            + "\n" + policy;
                    assertEquals(explained.enforcedAction(), decision.enforcedAction(), () -> why);
                    assertEquals(explained.ruleId(), decision.ruleId(), () -> why);
                    assertEquals(explained.reason(), decision.reason(), () -> why);
                    outcomes.merge(decision.enforcedAction(), 1, Integer::sum);
                    if (decision.reason().contains("could not be evaluated")) {
                        failures++;
                    }
                }
            }
        }
        assertEquals(Action.values().length, outcomes.size(), "every outcome is reached: " + outcomes);
        assertTrue(failures > 500, "rules do fail: " + failures);
    }

    /** 2 to 24 rules over two tools (some for both), a few with limits; conditions of 1 to 3 checks. */
    public static String policy(Random r) {
        return policy(r, true);
    }

    /**
     * @param everything false: no limits and no check its matcher judges (a decimal), so that every tool can
     *                   have a decision diagram
     */
    public static String policy(Random r, boolean everything) {
        StringBuilder y = new StringBuilder("name: order\ndefault_action: ").append(pick(r, "allow", "deny")).append("\nrules:\n");
        int rules = 2 + r.nextInt(23);
        for (int i = 0; i < rules; i++) {
            y.append("  - id: r").append(i).append("\n    tool: \"").append(pick(r, "t0", "t1", "t*")).append("\"\n");
            if (r.nextInt(30) == 0 && everything) {
                y.append("    constraints: {rate_limit: 1000/minute}\n");
            }
            if (r.nextInt(6) == 0) {
                y.append("    action: ").append(pick(r, ACTIONS)).append('\n');
                continue;
            }
            y.append("    conditions:\n");
            for (int c = 1 + r.nextInt(3); c > 0; c--) {
                y.append("      - match: ").append(FuzzTest.match(r, 0, 1, everything ? RuleOrderFuzzTest::check : RuleOrderFuzzTest::plainCheck)).append("\n        action: ").append(pick(r, ACTIONS)).append('\n');
            }
        }
        return y.toString();
    }

    /** A check of every inline kind, and a few judged by their matcher (a decimal, a regex). */
    static String check(Random r) {
        return switch (r.nextInt(13)) {
            case 0 -> "arguments.n: \"" + pick(r, "<=", "<", ">", ">=", "==", "!=") + " " + r.nextInt(10) + "\"";
            case 1 -> "arguments.n: " + r.nextInt(10);
            case 2 -> "arguments.n: \"< 4.5\"";
            case 3 -> "arguments.s: " + pick(r, "a", "b", "c");
            case 4 -> "arguments.s: {in: [a, b]}";
            case 5 -> "arguments.s: {not_in: [c]}";
            case 6 -> "arguments.s: {starts_with: " + pick(r, "a", "b") + "}";
            case 7 -> "arguments.s: {max_length: 1}";
            case 8 -> "arguments.m.k: {contains: " + pick(r, "x", "y") + "}";
            case 9 -> "arguments.m.k: {regex: \"" + pick(r, "x+", "y.*") + "\"}";
            case 10 -> "arguments.opt: {exists: " + r.nextBoolean() + "}";
            case 11 -> "context.role: " + pick(r, "admin", "clerk");
            default -> "arguments.s: {ends_with: " + pick(r, "a", "bb") + "}";
        };
    }

    /** {@link #check} without the decimal. */
    static String plainCheck(Random r) {
        String check = check(r);
        return check.contains("4.5") ? plainCheck(r) : check;
    }

    public static Map<String, Object> arguments(Random r) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("n", wellTyped(r) ? (Object) (r.nextBoolean() ? r.nextInt(10) : (long) r.nextInt(10)) : odd(r));
        arguments.put("s", wellTyped(r) ? pick(r, "a", "b", "c", "ab", "bb", "") : odd(r));
        arguments.put("m", wellTyped(r) ? FuzzTest.single("k", pick(r, "x", "xy", "y", "z")) : odd(r));
        if (r.nextBoolean()) {
            arguments.put("opt", r.nextBoolean() ? "here" : null);
        }
        if (r.nextInt(20) == 0) {
            arguments.remove(pick(r, "n", "s", "m"));
        }
        return arguments;
    }

    public static boolean wellTyped(Random r) {
        return r.nextInt(12) != 0;
    }

    /** A value of another type than the checks expect, or one that fails to be read. */
    public static Object odd(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> 2.5;
            case 2 -> "7";
            case 3 -> 3;
            case 4 -> new FuzzTest.Bean(new IllegalStateException("getter fails"));
            default -> FuzzTest.single("k", 1);
        };
    }

    @SafeVarargs
    public static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
