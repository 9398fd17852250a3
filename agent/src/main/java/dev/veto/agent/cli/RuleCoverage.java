package dev.veto.agent.cli;

import dev.veto.engine.Veto;
import dev.veto.engine.policy.Rule;
import java.util.List;
import java.util.Set;

/** {@code test --coverage}: which of the policy's rules decided no case. */
final class RuleCoverage {

    private RuleCoverage() {
    }

    static void report(String policy, Set<String> decidingRules, Console console) throws UsageException {
        List<Rule> rules;
        try (Veto veto = PolicyFile.load(policy)) {
            rules = veto.policy().rules();
        }
        List<Rule> untested = rules.stream().filter(rule -> !decidingRules.contains(rule.id())).toList();
        console.out().println("coverage: " + (rules.size() - untested.size()) + " of " + rules.size() + " rules decided a case");
        for (Rule rule : untested) {
            console.out().println("  not exercised: " + rule.id() + " (" + rule.location() + ", tool " + rule.tool() + ")");
        }
    }
}
