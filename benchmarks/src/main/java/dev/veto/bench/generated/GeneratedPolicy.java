package dev.veto.bench.generated;

import dev.veto.bench.engine.ToolCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A large policy for the engine benchmark, generated from a seed so every run measures the same one:
 * {@value #RULES} rules over {@value #TOOLS} tools ({@code tool_000} .. {@code tool_199}): each tool named by
 * four or five rules, and {@value #GLOB_RULES} rules naming a glob over ten tools, with conditions that mix every kind of matcher the policy language has
 * (equality, comparison strings, one-of lists, {@code in}, {@code not_in}, {@code regex},
 * {@code contains}, {@code starts_with}, {@code ends_with}, {@code exists}, {@code max_length},
 * {@code any}, {@code all}, {@code not}) over nested argument and context paths.
 *
 * <p>{@link #calls} gives calls over the same tools and argument shapes, so that conditions match, miss
 * and decide all three ways rather than falling through to the default.
 */
public final class GeneratedPolicy {

    public static final int RULES = 1_000;
    public static final int TOOLS = 200;
    /** Rules whose tool is a glob over ten tools ({@code tool_04*}); the rest name one tool. */
    public static final int GLOB_RULES = 40;
    public static final long SEED = 20261125L;

    private static final String[] ROLES = {"support_l1", "support_l2", "admin", "auditor"};
    private static final String[] REGIONS = {"eu", "us", "apac", "latam"};
    private static final String[] TIERS = {"gold", "silver", "bronze"};
    private static final String[] VERBS = {"select", "update", "delete", "insert"};
    private static final String[] DOMAINS = {"customer.example", "acme.example", "partner.example"};
    private static final String[] ACTIONS = {"allow", "allow", "allow", "deny", "require_approval"};

    private final long seed;
    private final String yaml;

    private GeneratedPolicy(long seed, String yaml) {
        this.seed = seed;
        this.yaml = yaml;
    }

    public static GeneratedPolicy generate() {
        return generate(SEED);
    }

    public static GeneratedPolicy generate(long seed) {
        Random random = new Random(seed);
        YamlWriter out = new YamlWriter();
        out.line(0, "name: generated-" + RULES + "-rules");
        out.line(0, "project: benchmarks");
        out.line(0, "mode: enforce");
        out.line(0, "default_action: deny");
        out.line(0, "rules:");
        for (int i = 0; i < RULES; i++) {
            writeRule(out, random, i);
        }
        return new GeneratedPolicy(seed, out.toString());
    }

    public String yaml() {
        return yaml;
    }

    /** {@code count} calls to random tools, with random values drawn from the shapes the rules test. */
    public List<ToolCall> calls(int count) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<ToolCall> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            calls.add(call(random));
        }
        return calls;
    }

    public static String toolName(int index) {
        return String.format(Locale.ROOT, "tool_%03d", index);
    }

    private static void writeRule(YamlWriter out, Random random, int index) {
        out.line(1, "- id: rule-" + index);
        String tool = index < RULES - GLOB_RULES
                ? toolName(index % TOOLS)
                : String.format(Locale.ROOT, "tool_%02d*", random.nextInt(TOOLS / 10));
        out.line(2, "tool: " + YamlWriter.quote(tool));
        if (random.nextInt(10) == 0) {
            out.line(2, "action: " + pick(random, ACTIONS));
            out.line(2, "reason: " + YamlWriter.quote("unconditional rule " + index));
            return;
        }
        out.line(2, "conditions:");
        int conditions = 1 + random.nextInt(3);
        for (int c = 0; c < conditions; c++) {
            out.line(3, "- match:");
            int matchers = 1 + random.nextInt(3);
            Set<String> usedKeys = new HashSet<>();
            for (int m = 0; m < matchers; m++) {
                writeMatcher(out, random, 5, usedKeys);
            }
            String action = pick(random, ACTIONS);
            out.line(4, "action: " + action);
            out.line(4, "reason: " + YamlWriter.quote("rule " + index + " condition " + c));
            if (action.equals("require_approval")) {
                out.line(4, "approval:");
                out.line(5, "channel: reviewers");
                out.line(5, "timeout: 5m");
                out.line(5, "escalation: deny");
            }
        }
    }

    /** How many leaf kinds {@link #leaf} knows; {@link #EXISTS} is one of them. */
    private static final int LEAF_KINDS = 14;
    private static final int EXISTS = 10;

    /**
     * One entry of a {@code match:} map: a path and its matcher (most draws), or an any/all/not over leaf
     * matchers. A map never names the same key twice.
     */
    private static void writeMatcher(YamlWriter out, Random random, int depth, Set<String> usedKeys) {
        while (true) {
            int kind = random.nextInt(LEAF_KINDS + 2);
            if (kind < LEAF_KINDS) {
                String entry = leaf(random, kind);
                if (usedKeys.add(entry.substring(0, entry.indexOf(':')))) {
                    out.line(depth, entry);
                    return;
                }
            } else if (kind == LEAF_KINDS) {
                String combinator = random.nextBoolean() ? "any" : "all";
                if (usedKeys.add(combinator)) {
                    out.line(depth, combinator + ":");
                    int parts = 2 + random.nextInt(2);
                    for (int p = 0; p < parts; p++) {
                        out.line(depth + 1, "- " + combinedLeaf(random));
                    }
                    return;
                }
            } else if (usedKeys.add("not")) {
                out.line(depth, "not:");
                out.line(depth + 1, combinedLeaf(random));
                return;
            }
        }
    }

    /** A leaf for any/all/not; {@code exists} is left out there, a missing coupon is tested on its own. */
    private static String combinedLeaf(Random random) {
        int kind;
        do {
            kind = random.nextInt(LEAF_KINDS);
        } while (kind == EXISTS);
        return leaf(random, kind);
    }

    /** {@code path: matcher} on one line, of one of the {@value #LEAF_KINDS} kinds. */
    private static String leaf(Random random, int kind) {
        return switch (kind) {
            case 0 -> "context.role: " + pick(random, ROLES);
            case 1 -> "context.role: [" + pick(random, ROLES) + ", " + pick(random, ROLES) + "]";
            case 2 -> "arguments.amount: " + YamlWriter.quote(
                    pick(random, new String[] {"<=", "<", ">", ">="}) + " " + random.nextInt(10_000));
            case 3 -> "arguments.count: " + YamlWriter.quote("!= " + random.nextInt(100));
            case 4 -> "arguments.region: {in: [" + pick(random, REGIONS) + ", " + pick(random, REGIONS) + "]}";
            case 5 -> "arguments.region: {not_in: [" + pick(random, REGIONS) + "]}";
            case 6 -> "arguments.query: {regex: " + YamlWriter.quote(
                    "(?i)" + pick(random, VERBS) + "\\s.*\\bt_" + random.nextInt(10) + "\\d*\\b.*") + "}";
            case 7 -> "arguments.query: {contains: " + YamlWriter.quote("t_" + random.nextInt(20)) + "}";
            case 8 -> "arguments.query: {starts_with: " + pick(random, VERBS) + "}";
            case 9 -> "arguments.to: {ends_with: " + YamlWriter.quote("@" + pick(random, DOMAINS)) + "}";
            case EXISTS -> "arguments.coupon: {exists: " + random.nextBoolean() + "}";
            case 11 -> "arguments.note: {max_length: " + (20 + random.nextInt(200)) + "}";
            case 12 -> "arguments.customer.tier: " + pick(random, TIERS);
            default -> "context.tenant: {starts_with: " + YamlWriter.quote("t-" + random.nextInt(5)) + "}";
        };
    }

    private static ToolCall call(Random random) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("amount", random.nextInt(10_000));
        arguments.put("count", random.nextInt(100));
        arguments.put("region", pick(random, REGIONS));
        arguments.put("query", pick(random, VERBS) + " * from t_" + random.nextInt(20) + " where id = "
                + random.nextInt(1_000));
        arguments.put("to", "user" + random.nextInt(1_000) + "@" + pick(random, DOMAINS));
        arguments.put("note", "x".repeat(random.nextInt(240)));
        arguments.put("customer", Map.of("tier", pick(random, TIERS), "id", "c-" + random.nextInt(1_000)));
        if (random.nextBoolean()) {
            arguments.put("coupon", "SAVE" + random.nextInt(50));
        }
        Map<String, Object> context = Map.of(
                "role", pick(random, ROLES),
                "tenant", "t-" + random.nextInt(50),
                "userId", "u-" + random.nextInt(1_000));
        // one interned String per tool name, as the agent hands over (one per woven method, see ToolSite)
        return new ToolCall(toolName(random.nextInt(TOOLS)).intern(), Map.copyOf(arguments), context);
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
