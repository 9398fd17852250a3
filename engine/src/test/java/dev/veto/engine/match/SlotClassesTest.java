package dev.veto.engine.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.veto.engine.policy.Condition;
import dev.veto.engine.policy.PolicyException;
import dev.veto.engine.policy.PolicyLoader;
import dev.veto.engine.policy.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A value's class must answer each class-decided check exactly as the check itself does: at every bound
 * of the whole-number comparisons, for each literal and any other string, and for missing, null and
 * present values of an {@code exists}-only slot.
 */
class SlotClassesTest {

    private static final String POLICY = """
            name: p
            rules:
              - id: r
                tool: t
                conditions:
                  - match: {arguments.n: "< 10", arguments.s: {in: [a, b]}}
                    action: allow
                  - match: {arguments.n: ">= 100", arguments.s: c, arguments.opt: {exists: true}}
                    action: deny
                  - match: {arguments.n: "!= 50", arguments.s: {not_in: [a, c, d, e, f, g, h, i, j, k]}}
                    action: allow
                  - match: {arguments.n: "<= -9223372036854775808", arguments.opt: {exists: false}}
                    action: allow
            """;

    private static final Object[] NUMBERS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -5, 9, 10, 49, 50, 51, 99, 100,
        (short) 100, (byte) 101, Long.MAX_VALUE};
    private static final String[] STRINGS = {"a", "b", "c", "d", "k", "z", ""};
    private static final Object[] OPTIONAL = {"here", null, ValuePath.MISSING};

    @Test
    void aValuesClassAnswersEveryCheckOfItsSlotAsTheCheckDoes() throws Exception {
        CheckProgram.Builder builder = new CheckProgram.Builder();
        List<PathCheck> checks = new ArrayList<>();
        for (Rule rule : PolicyLoader.standard().parse(POLICY, "p.yaml").rules()) {
            for (Condition condition : rule.conditions()) {
                builder.add(condition.match());
                collect(condition.match(), checks);
            }
        }
        SlotClasses classes = builder.classes();
        assertNotNull(classes);
        CheckProgram program = builder.build();
        int compared = 0;
        for (Object n : NUMBERS) {
            for (String s : STRINGS) {
                for (Object opt : OPTIONAL) {
                    Map<String, Object> arguments = new HashMap<>(Map.of("n", n, "s", s));
                    if (opt != ValuePath.MISSING) {
                        arguments.put("opt", opt);
                    }
                    SlotValues call = program.newCall(arguments, Map.of());
                    CallValues values = new CallValues(arguments, Map.of());
                    for (PathCheck check : checks) {
                        int cls = classes.classOf(builder.slotOf(check), call);
                        assertNotEquals(SlotClasses.NONE, cls, check + " on " + arguments);
                        assertEquals(check.test(values, null), builder.holds(classes, check, cls), check + " on " + arguments);
                        compared++;
                    }
                }
            }
        }
        assertEquals(NUMBERS.length * STRINGS.length * OPTIONAL.length * checks.size(), compared);
    }

    @Test
    void valuesOfOtherTypesHaveNoClass() throws PolicyException {
        CheckProgram.Builder builder = new CheckProgram.Builder();
        List<PathCheck> checks = new ArrayList<>();
        for (Condition condition : PolicyLoader.standard().parse(POLICY, "p.yaml").rules().get(0).conditions()) {
            builder.add(condition.match());
            collect(condition.match(), checks);
        }
        SlotClasses classes = builder.classes();
        CheckProgram program = builder.build();
        SlotValues call = program.newCall(Map.of("n", 2.5, "s", 7), Map.of());
        for (PathCheck check : checks) {
            if (!check.path().toString().equals("arguments.opt")) {
                assertEquals(SlotClasses.NONE, classes.classOf(builder.slotOf(check), call), check.toString());
            }
        }
    }

    @Test
    void aSlotBothComparedWithNumbersAndReadAsTextHasNoClasses() throws PolicyException {
        CheckProgram.Builder builder = new CheckProgram.Builder();
        for (Condition condition : PolicyLoader.standard().parse("""
                name: p
                rules:
                  - tool: t
                    conditions:
                      - match: {arguments.n: "< 10"}
                        action: allow
                      - match: {arguments.n: {starts_with: "1"}}
                        action: deny
                """, "p.yaml").rules().get(0).conditions()) {
            builder.add(condition.match());
        }
        assertNull(builder.classes());
    }

    private static void collect(Expression expression, List<PathCheck> checks) {
        if (expression instanceof PathCheck check) {
            checks.add(check);
        } else if (expression instanceof Expression.Not not) {
            collect(not.member(), checks);
        } else {
            Expression[] members = expression instanceof Expression.All all ? all.members() : ((Expression.Any) expression).members();
            for (Expression member : members) {
                collect(member, checks);
            }
        }
    }
}
