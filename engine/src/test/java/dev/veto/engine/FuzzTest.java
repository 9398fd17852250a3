package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.veto.engine.eval.Explanation;
import dev.veto.engine.policy.PolicyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Random policies against random, hostile argument values (nulls, NaN, infinities, huge and tiny numbers,
 * cycles, throwing getters and toString, odd Number types): {@code protect} never throws, an evaluation
 * error never yields ALLOW, and the traced path ({@code explain}) decides exactly as the hot path does.
 * Seeded, so a failure is reproducible from the seed in its message.
 */
class FuzzTest {

    static final long SEED = 20261125L;
    static final int POLICIES = 400;
    static final int CALLS_PER_POLICY = 25;

    static final String[] PATHS = {"arguments.a", "arguments.b.c", "arguments.l.0", "arguments.l[1].x", "context.r",
            "arguments.rec.name", "arguments.bean.value", "arguments.m.self.self.a"};
    static final String[] TOOLS = {"t0", "t1", "t*", "t?", "*"};

    public record Rec(String name, Object value) {
    }

    public static final class Bean {
        private final Object value;

        Bean(Object value) {
            this.value = value;
        }

        public Object getValue() {
            if (value instanceof RuntimeException e) {
                throw e;
            }
            return value;
        }
    }

    /** A Number no library knows, whose text is not a number. */
    static final class OddNumber extends Number {
        private static final long serialVersionUID = 1L;

        @Override
        public int intValue() {
            return 0;
        }

        @Override
        public long longValue() {
            return 0;
        }

        @Override
        public float floatValue() {
            return Float.NaN;
        }

        @Override
        public double doubleValue() {
            return Double.NaN;
        }

        @Override
        public String toString() {
            throw new IllegalStateException("no text");
        }
    }

    @Test
    void randomPoliciesAndValuesNeverThrowAndAnErrorNeverAllows() {
        Random random = new Random(SEED);
        int loaded = 0;
        int errorsSeen = 0;
        for (int p = 0; p < POLICIES; p++) {
            String policy = policy(random);
            Veto traced;
            Veto hot;
            AtomicLong clock = new AtomicLong();
            try {
                traced = Veto.builder().policyText(policy).nanoClock(clock::get).build();
                hot = Veto.builder().policyText(policy).nanoClock(clock::get).build();
            } catch (PolicyException e) {
                continue; // the generator may write a policy the loader refuses; refusing is fine
            } catch (Throwable t) {
                throw new AssertionError("loading threw " + t + " for policy #" + p + ":\n" + policy, t);
            }
            loaded++;
            for (int c = 0; c < CALLS_PER_POLICY; c++) {
                String tool = random.nextInt(10) == 0 ? null : "t" + random.nextInt(3);
                Map<String, Object> arguments = random.nextInt(20) == 0 ? null : arguments(random);
                Map<String, Object> context = random.nextInt(20) == 0 ? null : single("r", value(random, 0));
                Decision decision;
                Explanation explanation;
                try {
                    decision = hot.protect(tool, arguments, context);
                    explanation = traced.explain(tool, arguments, context);
                } catch (Throwable t) {
                    throw new AssertionError("threw " + t + " (seed " + SEED + ", policy #" + p + ")\n" + policy, t);
                }
                boolean error = explanation.rules().stream().flatMap(r -> r.conditions().stream())
                        .anyMatch(cond -> cond.verdict().equals("error"));
                if (error) {
                    errorsSeen++;
                    assertEquals(Action.DENY, explanation.decision().enforcedAction(),
                            () -> "an evaluation error allowed: " + explanation + "\n" + policy);
                    assertEquals(Action.DENY, decision.enforcedAction(), () -> decision + "\n" + policy);
                }
                int policyNumber = p;
                assertEquals(explanation.decision().enforcedAction(), decision.enforcedAction(),
                        () -> "hot path and explain disagree for policy #" + policyNumber + ":\n" + policy + "\n" + explanation);
                assertEquals(explanation.decision().ruleId(), decision.ruleId());
            }
            hot.close();
            traced.close();
        }
        assertTrue(loaded > POLICIES / 2, "most generated policies load: " + loaded);
        assertTrue(errorsSeen > 300, "the values do provoke evaluation errors: " + errorsSeen);
    }

    static String policy(Random r) {
        StringBuilder y = new StringBuilder("name: fuzz\ndefault_action: ").append(r.nextBoolean() ? "allow" : "deny").append("\nrules:\n");
        int rules = 1 + r.nextInt(4);
        for (int i = 0; i < rules; i++) {
            y.append("  - tool: \"").append(TOOLS[r.nextInt(TOOLS.length)]).append("\"\n");
            if (r.nextInt(4) == 0) {
                y.append("    constraints: {rate_limit: ").append(1 + r.nextInt(5)).append("/minute")
                        .append(r.nextBoolean() ? ", budget: {sum: arguments.a, limit: 100/day}" : "").append("}\n");
            }
            if (r.nextInt(4) == 0) {
                y.append("    action: ").append(action(r)).append('\n');
                continue;
            }
            y.append("    conditions:\n");
            int conditions = 1 + r.nextInt(3);
            for (int j = 0; j < conditions; j++) {
                y.append("      - match: ").append(match(r, 0)).append("\n        action: ").append(action(r)).append('\n');
            }
        }
        return y.toString();
    }

    static String action(Random r) {
        return new String[] {"allow", "deny", "require_approval"}[r.nextInt(3)];
    }

    static String match(Random r, int depth) {
        return match(r, depth, 2, random -> "\"" + PATHS[random.nextInt(PATHS.length)] + "\": " + matcher(random));
    }

    /** A {@code match:} of any / all / not down to {@code maxDepth}, whose checks ({@code path: matcher}) come from {@code check}. */
    static String match(Random r, int depth, int maxDepth, Function<Random, String> check) {
        int kind = depth > maxDepth ? 3 : r.nextInt(6);
        return switch (kind) {
            case 0 -> "{any: [" + match(r, depth + 1, maxDepth, check) + ", " + match(r, depth + 1, maxDepth, check) + "]}";
            case 1 -> "{all: [" + match(r, depth + 1, maxDepth, check) + ", " + match(r, depth + 1, maxDepth, check) + "]}";
            case 2 -> "{not: " + match(r, depth + 1, maxDepth, check) + "}";
            default -> "{" + check.apply(r) + "}";
        };
    }

    static String matcher(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> "\"<= " + number(r) + "\"";
            case 1 -> "\"> " + number(r) + "\"";
            case 2 -> "\"!= " + number(r) + "\"";
            case 3 -> number(r);
            case 4 -> "abc";
            case 5 -> "[abc, 1, true, null]";
            case 6 -> "{in: [1, 2.5, x]}";
            case 7 -> "{not_in: [x, 3]}";
            case 8 -> "{regex: \"[a-c]+\"}";
            case 9 -> "{contains: b}";
            case 10 -> "{exists: " + r.nextBoolean() + "}";
            case 11 -> "{max_length: 3}";
            case 12 -> "{starts_with: a, ends_with: c}";
            default -> "null";
        };
    }

    static String number(Random r) {
        return new String[] {"0", "200", "-1", "200.000000000000000001", "1e400", "0.1"}[r.nextInt(6)];
    }

    /** One entry whose value may be null (Map.of refuses null). */
    static Map<String, Object> single(String key, Object value) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, value);
        return map;
    }

    static Map<String, Object> arguments(Random r) {
        Map<String, Object> arguments = new HashMap<>();
        for (String key : new String[] {"a", "b", "l", "rec", "bean", "m"}) {
            if (r.nextInt(4) != 0) {
                arguments.put(key, value(r, 0));
            }
        }
        return arguments;
    }

    static Object value(Random r, int depth) {
        int kind = depth > 3 ? r.nextInt(20) : r.nextInt(30);
        return switch (kind) {
            case 0 -> null;
            case 1 -> Double.NaN;
            case 2 -> Double.POSITIVE_INFINITY;
            case 3 -> Float.NEGATIVE_INFINITY;
            case 4 -> new BigInteger("9".repeat(500));
            case 5 -> new BigDecimal("1e-999999999");
            case 6 -> new BigDecimal("1e999999999");
            case 7 -> "abc";
            case 8 -> "200.000000000000000001";
            case 9 -> "";
            case 10 -> r.nextInt(400) - 100;
            case 11 -> r.nextLong();
            case 12 -> r.nextDouble() * 1000;
            case 13 -> true;
            case 14 -> new OddNumber();
            case 15 -> new AtomicLong(5);
            case 16 -> 'b';
            case 17 -> Optional.empty();
            case 18 -> new Object() {
                @Override
                public String toString() {
                    throw new IllegalStateException("no text");
                }
            };
            case 19 -> new int[] {1, 2};
            case 20 -> {
                Map<String, Object> cyclic = new HashMap<>();
                cyclic.put("self", cyclic);
                cyclic.put("a", value(r, depth + 1));
                yield cyclic;
            }
            case 21, 22 -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    list.add(single("x", value(r, depth + 1)));
                }
                yield list;
            }
            case 23 -> new Rec("abc", value(r, depth + 1));
            case 24 -> new Bean(r.nextBoolean() ? new IllegalStateException("getter fails") : value(r, depth + 1));
            case 25 -> single("c", value(r, depth + 1));
            case 26 -> Optional.ofNullable(value(r, depth + 1));
            case 27 -> new Object[] {value(r, depth + 1)};
            default -> "b";
        };
    }

    @Test
    void theSeedPolicyNeverThrowsOnHostileValuesEither() throws Exception {
        Random random = new Random(SEED + 1);
        try (Veto veto = Veto.fromPolicy(SeedPolicyTableTest.SEED)) {
            for (int i = 0; i < 3000; i++) {
                Map<String, Object> arguments = new HashMap<>();
                arguments.put("amount", value(random, 0));
                arguments.put("query", value(random, 0));
                arguments.put("to", value(random, 0));
                arguments.put("body", value(random, 0));
                Map<String, Object> context = new HashMap<>();
                context.put("role", random.nextBoolean() ? "support_l1" : value(random, 0));
                context.put("userId", random.nextInt(3) == 0 ? value(random, 0) : "u" + random.nextInt(5));
                String tool = new String[] {"issue_refund", "send_email", "execute_sql", "drop_x"}[random.nextInt(4)];
                try {
                    Decision d = veto.protect(tool, arguments, context);
                    if (d.reason().contains("could not be evaluated") || d.reason().contains("engine error")) {
                        assertEquals(Action.DENY, d.action(), d.toString());
                    }
                } catch (Throwable t) {
                    fail("protect threw " + t + " for " + tool + " " + arguments, t);
                }
            }
        }
    }
}
