package dev.veto.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matcher language, one case per row: a {@code match:} (as YAML flow text), the arguments, and whether
 * the condition matches ({@code allow}), misses ({@code default deny, no rule}) or cannot be evaluated
 * ({@code deny by the rule}, reason naming path and operator).
 */
class MatchSemanticsTest {

    enum Outcome { MATCH, MISS, ERROR }

    record Case(String says, String match, Map<String, Object> arguments, Outcome expected) {
        @Override
        public String toString() {
            return says;
        }
    }

    public record Customer(String email, Address address) {
    }

    public record Address(String country) {
    }

    public static final class Bean {
        public String getTier() {
            return "gold";
        }

        public boolean isVip() {
            return true;
        }

        public String getBroken() {
            throw new IllegalStateException("boom");
        }
    }

    enum Tier { GOLD }

    static Map<String, Object> a(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static Stream<Case> cases() {
        Map<String, Object> order = a("items", List.of(a("sku", "A-1", "qty", 2), a("sku", "B-2", "qty", 1)));
        Map<String, Object> selfish = new HashMap<>();
        selfish.put("self", selfish);
        selfish.put("n", 1);
        return Stream.of(
                new Case("equality with a bare string", "{arguments.s: abc}", a("s", "abc"), Outcome.MATCH),
                new Case("strings are case-sensitive", "{arguments.s: abc}", a("s", "ABC"), Outcome.MISS),
                new Case("a number against a string literal is an error", "{arguments.s: abc}", a("s", 5), Outcome.ERROR),
                new Case("an enum constant equals its name", "{arguments.t: GOLD}", a("t", Tier.GOLD), Outcome.MATCH),
                new Case("a bare number equals exactly", "{arguments.n: 0.1}", a("n", 0.1d), Outcome.MATCH),
                new Case("a YAML float is read from its digits", "{arguments.n: 200.000000000000000001}", a("n", 200), Outcome.MISS),
                new Case("a YAML float is read from its digits (2)", "{arguments.n: 200.000000000000000001}",
                        a("n", new BigDecimal("200.000000000000000001")), Outcome.MATCH),
                new Case("a numeric string equals the number", "{arguments.n: 7}", a("n", "7.00"), Outcome.MATCH),
                new Case("a boolean literal", "{arguments.b: true}", a("b", true), Outcome.MATCH),
                new Case("a boolean literal against a string is an error", "{arguments.b: true}", a("b", "true"), Outcome.ERROR),
                new Case("null matches null", "{arguments.x: null}", a("x", null), Outcome.MATCH),
                new Case("> on a huge number", "{arguments.n: '> 1e300'}", a("n", new java.math.BigInteger("1" + "0".repeat(400))), Outcome.MATCH),
                new Case("== with a word", "{context.role: '== admin'}", a(), Outcome.ERROR),
                new Case("!= with a number", "{arguments.n: '!= 0'}", a("n", 0.0d), Outcome.MISS),
                new Case("a list is one of", "{arguments.s: [a, b]}", a("s", "b"), Outcome.MATCH),
                new Case("a list of numbers takes numeric strings", "{arguments.n: [1, 2]}", a("n", "2.0"), Outcome.MATCH),
                new Case("in", "{arguments.s: {in: [x, y]}}", a("s", "z"), Outcome.MISS),
                new Case("not_in", "{arguments.s: {not_in: [x, y]}}", a("s", "z"), Outcome.MATCH),
                new Case("not_in on a missing value is an error", "{arguments.s: {not_in: [x]}}", a(), Outcome.ERROR),
                new Case("regex matches the whole string", "{arguments.s: {regex: '[a-z]+'}}", a("s", "abc1"), Outcome.MISS),
                new Case("regex matches the whole string (2)", "{arguments.s: {regex: '[a-z]+[0-9]'}}", a("s", "abc1"), Outcome.MATCH),
                new Case("contains on a string", "{arguments.s: {contains: lo w}}", a("s", "hello world"), Outcome.MATCH),
                new Case("contains on a list", "{arguments.l: {contains: b}}", a("l", List.of("a", "b")), Outcome.MATCH),
                new Case("contains on an array", "{arguments.l: {contains: 3}}", a("l", new int[] {1, 2, 3}), Outcome.MATCH),
                new Case("starts_with", "{arguments.s: {starts_with: /data/}}", a("s", "/data/x"), Outcome.MATCH),
                new Case("ends_with", "{arguments.s: {ends_with: .csv}}", a("s", "x.csv.exe"), Outcome.MISS),
                new Case("max_length counts code points", "{arguments.s: {max_length: 2}}", a("s", "\uD83D\uDE00\uD83D\uDE00"), Outcome.MATCH),
                new Case("max_length of a list", "{arguments.l: {max_length: 1}}", a("l", List.of(1, 2)), Outcome.MISS),
                new Case("several operators: all must hold", "{arguments.s: {starts_with: a, ends_with: z}}", a("s", "abz"), Outcome.MATCH),
                new Case("several operators: all must hold (2)", "{arguments.s: {starts_with: a, ends_with: z}}", a("s", "abc"), Outcome.MISS),
                new Case("exists: true on a value", "{arguments.s: {exists: true}}", a("s", "x"), Outcome.MATCH),
                new Case("exists: true on a missing value", "{arguments.s: {exists: true}}", a(), Outcome.MISS),
                new Case("exists: false on a missing value", "{arguments.s: {exists: false}}", a(), Outcome.MATCH),
                new Case("exists: false on null", "{arguments.s: {exists: false}}", a("s", null), Outcome.MATCH),
                new Case("a list index by dot", "{arguments.order.items.1.sku: B-2}", a("order", order), Outcome.MATCH),
                new Case("a list index by brackets", "{'arguments.order.items[0].qty': '>= 2'}", a("order", order), Outcome.MATCH),
                new Case("an index past the end is missing", "{arguments.order.items.5.sku: B-2}", a("order", order), Outcome.ERROR),
                new Case("a record's component", "{arguments.c.address.country: NL}", a("c", new Customer("x@y", new Address("NL"))), Outcome.MATCH),
                new Case("a bean's getter", "{arguments.b.tier: gold}", a("b", new Bean()), Outcome.MATCH),
                new Case("a bean's boolean is-getter", "{arguments.b.vip: true}", a("b", new Bean()), Outcome.MATCH),
                new Case("a getter that throws is an error", "{arguments.b.broken: x}", a("b", new Bean()), Outcome.ERROR),
                new Case("no such property is missing", "{arguments.b.nothing: x}", a("b", new Bean()), Outcome.ERROR),
                new Case("JDK classes have no properties", "{arguments.s.bytes: x}", a("s", "abc"), Outcome.ERROR),
                new Case("an Optional is looked through", "{arguments.o: 5}", a("o", Optional.of(5)), Outcome.MATCH),
                new Case("an array by index", "{arguments.arr.1: b}", a("arr", new String[] {"a", "b"}), Outcome.MATCH),
                new Case("a cycle is only followed as far as the path goes", "{arguments.m.self.self.self.n: 1}", a("m", selfish), Outcome.MATCH),
                new Case("any: the first match decides", "{any: [{arguments.a: 1}, {arguments.b: 2}]}", a("a", 0, "b", 2), Outcome.MATCH),
                new Case("any: an error before a match is an error", "{any: [{arguments.x: 1}, {arguments.b: 2}]}", a("b", 2), Outcome.ERROR),
                new Case("any: a match before an error stops there", "{any: [{arguments.b: 2}, {arguments.x: 1}]}", a("b", 2), Outcome.MATCH),
                new Case("all: a miss before an error stops there", "{all: [{arguments.b: 3}, {arguments.x: 1}]}", a("b", 2), Outcome.MISS),
                new Case("all: an error before a miss is an error", "{all: [{arguments.x: 1}, {arguments.b: 3}]}", a("b", 2), Outcome.ERROR),
                new Case("a map of paths: written order, stops at a miss", "{arguments.b: 3, arguments.x: 1}", a("b", 2), Outcome.MISS),
                new Case("not inverts", "{not: {arguments.b: 3}}", a("b", 2), Outcome.MATCH),
                new Case("not keeps an error an error", "{not: {arguments.x: 3}}", a(), Outcome.ERROR),
                new Case("an empty match always holds", "{}", a(), Outcome.MATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matches(Case c) throws Exception {
        String policy = "rules:\n  - id: r\n    tool: t\n    conditions:\n      - match: " + c.match() + "\n        action: allow\n";
        try (Veto veto = Veto.fromString(policy)) {
            Decision d = veto.protect("t", c.arguments(), Map.of());
            switch (c.expected()) {
                case MATCH -> assertEquals(Action.ALLOW, d.action(), d.reason());
                case MISS -> {
                    assertEquals(Action.DENY, d.action(), d.reason());
                    assertEquals(null, d.ruleId(), d.reason());
                }
                case ERROR -> {
                    assertEquals(Action.DENY, d.action(), d.reason());
                    assertEquals("r", d.ruleId(), d.reason());
                    assertTrue(d.reason().contains("could not be evaluated") && d.reason().contains("(operator "), d.reason());
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void explainShowsEachRuleConditionAndCheck() throws Exception {
        try (Veto veto = Veto.fromPolicy(SeedPolicyTableTest.SEED)) {
            var explanation = veto.explain("issue_refund", Map.of("amount", 350), Map.of("role", "support_l1", "userId", "u"));
            assertEquals(Action.APPROVAL_REQUIRED, explanation.decision().action());
            assertEquals(List.of("refund-limits", "refund-positive"),
                    explanation.rules().stream().map(r -> r.id()).toList());
            var first = explanation.rules().get(0);
            assertEquals("require_approval", first.opinion());
            assertEquals("rules[0].conditions[1]", first.decidedBy());
            assertEquals(Arrays.asList("miss", "match"), first.conditions().stream().map(c -> c.verdict()).toList());
            var amountCheck = first.conditions().get(0).checks().get(1);
            assertEquals("arguments.amount", amountCheck.path());
            assertEquals("<=", amountCheck.operator());
            assertEquals("350", amountCheck.value());
            assertEquals("miss", amountCheck.verdict());
            assertEquals(List.of("limits of rule refund-limits: applied when the call is granted"), explanation.limits(),
                    "a held call takes nothing from limits until it is granted");
            assertTrue(veto.approvals().pending().isEmpty(), "explain holds nothing");
        }
    }
}
