package dev.veto.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad policy is refused at load with {@code file:line:col: what is wrong, what was expected}.
 * Each case is a small policy, the exact position of its first problem, and words the message must hold.
 */
class PolicyLoadErrorTest {

    record Bad(String kind, String yaml, String position, String messageHas) {
        @Override
        public String toString() {
            return kind;
        }
    }

    /** A rule around one condition: the condition starts at line 5, its match at line 6. */
    static String condition(String matchLines, String action) {
        return """
                name: t
                rules:
                  - tool: issue_refund
                    conditions:
                      - match:
                """ + matchLines + "        action: " + action + "\n";
    }

    static Stream<Bad> cases() {
        return Stream.of(
                new Bad("a typo in a key: acton", """
                        name: t
                        rules:
                          - tool: lookup_order
                            acton: allow
                        """, "4:5", "unknown key 'acton' in a rule (rules[0]) (did you mean 'action'?), expected one of: id, tool, action"),
                new Bad("an unknown top-level key", "name: t\ndefault_acton: deny\n", "2:1", "unknown key 'default_acton' in the policy (did you mean 'default_action'?)"),
                new Bad("an unknown action", "name: t\nrules:\n  - tool: x\n    action: permit\n", "4:13", "rules[0].action is 'permit', expected one of: allow, deny, require_approval"),
                new Bad("an unknown default_action", "default_action: maybe\n", "1:17", "default_action is 'maybe', expected one of: allow, deny, require_approval"),
                new Bad("an unknown mode", "mode: audit\n", "1:7", "mode is 'audit', expected one of: enforce, shadow"),
                new Bad("an unknown operator", condition("          arguments.query:\n            regexp: \"x\"\n", "allow"),
                        "7:13", "unknown operator 'regexp' for arguments.query (did you mean 'regex'?), expected one of: charset, contains, "),
                new Bad("a regex that does not compile", condition("          arguments.query:\n            regex: \"(select\"\n", "allow"),
                        "7:20", "operator 'regex' for arguments.query: regex does not compile: Unclosed group"),
                new Bad("a path that does not start with arguments or context", condition("          amount: \"<= 200\"\n", "allow"),
                        "6:11", "bad path \"amount\": it must start with arguments. or context."),
                new Bad("an ordering against a word", condition("          arguments.amount: \"<= lots\"\n", "allow"),
                        "6:29", "<= needs a number, found \"lots\""),
                new Bad("an operator with the wrong operand type", condition("          arguments.body:\n            max_length: long\n", "allow"),
                        "7:25", "operator 'max_length' for arguments.body: expected a whole number of 0 or more"),
                new Bad("a condition's unknown action", condition("          context.role: x\n", "allowed"),
                        "7:17", "rules[0].conditions[0].action is 'allowed' (did you mean 'allow'?)"),
                new Bad("a rate limit with a bad unit", "rules:\n  - tool: x\n    action: allow\n    constraints:\n      rate_limit: 20/fortnight\n",
                        "5:19", "rules[0].constraints.rate_limit: limit \"20/fortnight\": unknown unit \"fortnight\", expected one of second, minute, hour, day"),
                new Bad("a rate limit that is not AMOUNT/UNIT", "rules:\n  - tool: x\n    action: allow\n    constraints:\n      rate_limit: 20\n",
                        "5:19", "rules[0].constraints.rate_limit is the number 20, expected AMOUNT/UNIT such as 20/hour"),
                new Bad("a rate limit of part of a call", "rules:\n  - tool: x\n    action: allow\n    constraints:\n      rate_limit: 2.5/hour\n",
                        "5:19", "is not a whole number of calls"),
                new Bad("a budget without a sum", "rules:\n  - tool: x\n    action: allow\n    constraints:\n      budget: {limit: 5000/day}\n",
                        "5:15", "rules[0].constraints.budget has no 'sum'"),
                new Bad("a bad approval timeout", "rules:\n  - tool: x\n    action: require_approval\n    approval:\n      timeout: 5 minutes\n",
                        "5:16", "rules[0].approval.timeout is '5 minutes', expected a duration more than 0 such as 30s, 5m, 2h or 1d"),
                new Bad("an unknown escalation", "rules:\n  - tool: x\n    action: require_approval\n    approval:\n      escalation: retry\n",
                        "5:19", "rules[0].approval.escalation is 'retry', expected one of: deny, allow"),
                new Bad("approval on an allow", "rules:\n  - tool: x\n    action: allow\n    approval:\n      timeout: 5m\n",
                        "4:5", "rules[0].approval only applies to action: require_approval"),
                new Bad("rules that are not a list", "rules:\n  tool: x\n", "2:3", "rules must be a list, found a map"),
                new Bad("a tool that is a list", "rules:\n  - tool: [a, b]\n    action: deny\n", "2:11", "rules[0].tool must be a string, found a list"),
                new Bad("a rule without a tool", "rules:\n  - action: deny\n", "2:5", "rules[0] has no 'tool'"),
                new Bad("a rule with neither action nor conditions", "rules:\n  - tool: x\n", "2:5", "has neither 'action' nor 'conditions'"),
                new Bad("a rule with both action and conditions", "rules:\n  - tool: x\n    action: deny\n    conditions:\n      - match: {}\n        action: allow\n",
                        "3:5", "has both 'action' and 'conditions'"),
                new Bad("a condition without match", "rules:\n  - tool: x\n    conditions:\n      - action: allow\n", "4:9", "rules[0].conditions[0] has no 'match'"),
                new Bad("a repeated key", "name: a\nname: b\n", "2:1", "key 'name' appears twice in the policy"),
                new Bad("a repeated rule id", "rules:\n  - id: r\n    tool: x\n    action: deny\n  - id: r\n    tool: y\n    action: deny\n",
                        "5:5", "rule id 'r' is used twice"),
                new Bad("YAML that does not parse", "name: [unclosed\n", "2:1", "not valid YAML"),
                new Bad("an empty policy", "", "1:1", "the policy is empty"),
                new Bad("a policy that is a list", "- a\n- b\n", "1:1", "the policy must be a map, found a list"),
                new Bad("an empty any", condition("          any: []\n", "allow"), "6:16", "'any' is empty"),
                new Bad("an instrument entry without a method", "instrument:\n  - class: com.acme.Tools\n", "2:5", "instrument[0] has no 'method'"),
                new Bad("an instrument entry naming no class", "instrument:\n  - method: refund\n", "2:5", "instrument[0] names no classes"),
                // method: takes no glob; "delete*" named no method at all, so the entry governed nothing, silently
                new Bad("an instrument method written as a glob", "instrument:\n  - class: com.acme.Tools\n    method: \"delete*\"\n", "3:13",
                        "instrument[0].method 'delete*' is not a Java method name, expected one name such as refund"),
                new Bad("an instrument class written as a path", "instrument:\n  - class: com/acme/Tools\n    method: refund\n", "2:12",
                        "instrument[0].class 'com/acme/Tools' is not a class name"),
                new Bad("an instrument class with an empty segment", "instrument:\n  - subtypes_of: com..Repo\n    method: save\n", "2:18",
                        "instrument[0].subtypes_of 'com..Repo' is not a class name"),
                new Bad("an unknown key in an instrument entry", "instrument:\n  - class: A\n    method: m\n    params: [a]\n", "4:5",
                        "unknown key 'params' in an instrument entry (instrument[0])"),
                new Bad("an instrument entry naming one parameter twice (the later argument would hide the earlier)",
                        "instrument:\n  - class: A\n    method: refund\n    parameters: [amount, memo, amount]\n", "4:32",
                        "instrument[0].parameters names 'amount' twice, expected one name per parameter"),
                new Bad("a redact entry that is not a path", "redact:\n  - card_number\n", "2:5", "bad redact path \"card_number\""),
                new Bad("a repeated key in an operator's operand (the second would silently replace the first)",
                        condition("          arguments.query:\n            sql:\n              deny: [DROP]\n              deny: [GRANT]\n", "allow"),
                        "9:15", "operator 'sql' for arguments.query: key 'deny' appears twice, expected each key once"),
                new Bad("a plain off in a list matcher, which YAML reads as the boolean false",
                        condition("          arguments.state: [reboot, off]\n", "deny"), "6:37",
                        "matcher for arguments.state: plain off is the boolean false in YAML 1.1, expected 'off' in quotes for the text, or false"),
                new Bad("a plain NO in an in: list (the Norway problem)",
                        condition("          arguments.country: {in: [KP, NO]}\n", "deny"), "6:40",
                        "operator 'in' for arguments.country: plain NO is the boolean false in YAML 1.1, expected 'NO' in quotes"),
                new Bad("a plain yes as a bare value",
                        condition("          arguments.confirm: yes\n", "allow"), "6:30",
                        "plain yes is the boolean true in YAML 1.1, expected 'yes' in quotes for the text, or true"),
                new Bad("a plain number with a leading zero, which YAML 1.1 reads as octal",
                        condition("          arguments.account: {in: [1234, 01234]}\n", "deny"), "6:42",
                        "operator 'in' for arguments.account: plain 01234 is the octal number 668 in YAML 1.1, expected '01234' in quotes for the text, or the decimal 668"),
                new Bad("a negative octal bare value",
                        condition("          arguments.n: -0_10\n", "deny"), "6:24",
                        "plain -0_10 is the octal number -8 in YAML 1.1"),
                new Bad("an unquoted != comparison, which YAML reads as a tag",
                        condition("          arguments.amount: != 0\n", "deny"), "6:29",
                        "matcher for arguments.amount: YAML reads != 0 as the tag !=, expected the comparison in quotes: \"!= 0\""),
                new Bad("an unquoted >= comparison, which YAML reads as a block scalar",
                        condition("          arguments.amount: >= 200\n", "deny"), "6:30",
                        "a value that starts with > or | is a YAML block scalar, expected a comparison in quotes such as \">= 200\""),
                new Bad("an unquoted date, which YAML reads as a timestamp",
                        condition("          arguments.day: {in: [2026-11-26]}\n", "deny"), "6:32",
                        "operator 'in' for arguments.day: YAML reads 2026-11-26 as a timestamp, expected '2026-11-26' in quotes for the text"),
                new Bad("a list matcher holding a map", condition("          context.role: [a, {b: c}]\n", "allow"), "6:25",
                        "expected a string, number, boolean or null, found a map"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAtItsPlace(Bad bad) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.standard().parse(bad.yaml(), "p.yaml"));
        PolicyProblem first = e.problems().get(0);
        String shown = first.toString();
        assertEquals("p.yaml:" + bad.position(), first.source() + ":" + first.line() + ":" + first.column(), shown);
        assertTrue(first.message().contains(bad.messageHas()), () -> "message was: " + shown);
        assertTrue(shown.startsWith("p.yaml:" + bad.position() + ": "), shown);
    }

    /** SnakeYAML reads at most 3 MiB of code points; a larger policy is refused saying so, not as "not valid YAML". */
    @org.junit.jupiter.api.Test
    void aPolicyLongerThanTheLoaderReadsIsRefusedSayingWhy() {
        StringBuilder yaml = new StringBuilder("name: big\nrules:\n  - tool: t\n    conditions:\n      - match: {arguments.x: {in: [");
        for (int i = 0; yaml.length() < 3_200_000; i++) {
            yaml.append(i == 0 ? "" : ",\n      ").append("id").append(i);
        }
        yaml.append("]}}\n        action: allow\n");
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.standard().parse(yaml.toString(), "p.yaml"));
        String shown = e.problems().get(0).toString();
        assertTrue(shown.matches("p\\.yaml:[0-9]+:[0-9]+: the policy is longer than 3145728 characters, the most the loader reads,"
                + " expected a smaller policy.*"), shown);
        assertTrue(!shown.startsWith("p.yaml:0:0"), shown);
    }
}
