package dev.veto.bench.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.bench.engine.ToolCall;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The benchmark's generated policy is the same on every run, and is the size and shape it claims. */
class GeneratedPolicyTest {

    @Test
    void theSameSeedGivesTheSamePolicyAndCalls() {
        assertEquals(GeneratedPolicy.generate().yaml(), GeneratedPolicy.generate().yaml());
        assertEquals(GeneratedPolicy.generate().calls(50), GeneratedPolicy.generate().calls(50));
        assertNotEquals(GeneratedPolicy.generate(1).yaml(), GeneratedPolicy.generate(2).yaml());
    }

    @Test
    @SuppressWarnings("unchecked")
    void isAThousandRulesOverTwoHundredToolsWithEveryKindOfMatcher() {
        String yaml = GeneratedPolicy.generate().yaml();
        Map<String, Object> policy = new Yaml().load(yaml);
        List<Map<String, Object>> rules = (List<Map<String, Object>>) policy.get("rules");
        assertEquals(GeneratedPolicy.RULES, rules.size());

        Set<String> exactTools = new HashSet<>();
        long globs = 0;
        for (Map<String, Object> rule : rules) {
            String tool = (String) rule.get("tool");
            if (tool.endsWith("*")) {
                globs++;
            } else {
                exactTools.add(tool);
            }
        }
        assertEquals(GeneratedPolicy.TOOLS, exactTools.size());
        assertEquals(GeneratedPolicy.GLOB_RULES, globs);
        for (String form : List.of("{in: [", "{not_in: [", "{regex: ", "{contains: ", "{starts_with: ",
                "{ends_with: ", "{exists: ", "{max_length: ", "any:", "all:", "not:", "\"<=", "\">",
                "\"!=", "context.role: [", "arguments.customer.tier: ")) {
            assertTrue(yaml.contains(form), "the generated policy uses " + form);
        }
    }

    @Test
    void callsGoToTheGeneratedTools() {
        for (ToolCall call : GeneratedPolicy.generate().calls(200)) {
            assertTrue(call.tool().matches("tool_\\d{3}"), call.tool());
            assertTrue(call.arguments().containsKey("query") && call.context().containsKey("role"));
        }
    }
}
