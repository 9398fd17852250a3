package dev.veto.agent.cli;

import dev.veto.engine.Decision;
import dev.veto.engine.Veto;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code test POLICY CASES.yaml}: a policy's unit tests. Each case gets a fresh engine, so cases do not
 * share rate limits or budgets ({@code times:} repeats a call within one case for those).
 */
final class TestCommand implements Command {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String summary() {
        return "run a policy's test cases (calls and the decisions they must get); --coverage lists untested rules";
    }

    @Override
    public Set<String> switches() {
        return Set.of("coverage");
    }

    @Override
    public String help() {
        return """
                usage: java -jar veto-agent.jar test POLICY CASES.yaml [--coverage]

                CASES.yaml lists calls and the decision each must get:
                  cases:
                    - name: an L1 refund within the limit
                      tool: issue_refund
                      arguments: {amount: 150}
                      context: {role: support_l1}
                      expect: allow            # allow | deny | require_approval
                      rule: refund-limits      # optional: the rule that must decide (default_action for none)
                      times: 21                # optional: repeat the call; the last decision is checked
                Each case runs on a fresh engine. --coverage also lists the rules that decided no case.
                Exit codes: 0 every case passed; 1 a case failed; 2 bad flags, cases file or policy.
                Example: java -jar veto-agent.jar test policies/support-agent.yaml policies/support-agent.cases.yaml
                """;
    }

    @Override
    public int run(Arguments arguments, Console console) throws UsageException {
        List<String> files = arguments.positionals(2, "POLICY and CASES.yaml");
        String policy = files.get(0);
        List<PolicyCase> cases = CasesFile.read(files.get(1));
        PolicyFile.load(policy).close(); // a policy that does not load is exit 2, before any case runs
        int failed = 0;
        Set<String> decidingRules = new LinkedHashSet<>();
        for (PolicyCase policyCase : cases) {
            Decision decision = decide(policy, policyCase);
            String rule = decision.ruleId() == null ? PolicyCase.DEFAULT_ACTION : decision.ruleId();
            decidingRules.add(rule);
            String got = DecisionJson.verdict(decision).policyName() + " by " + rule;
            boolean passed = DecisionJson.verdict(decision) == policyCase.expect()
                    && (policyCase.rule() == null || Objects.equals(policyCase.rule(), rule));
            if (passed) {
                console.out().println("PASS  " + policyCase.name() + "  (" + got + ")");
            } else {
                failed++;
                String wanted = policyCase.expect().policyName() + (policyCase.rule() == null ? "" : " by " + policyCase.rule());
                console.out().println("FAIL  " + policyCase.name() + "  " + policyCase.where() + ": expected " + wanted
                        + ", got " + got + (decision.reason() == null ? "" : " (" + decision.reason() + ")"));
            }
        }
        console.out().println();
        console.out().println(cases.size() + " cases: " + (cases.size() - failed) + " passed, " + failed + " failed");
        if (arguments.has("coverage")) {
            RuleCoverage.report(policy, decidingRules, console);
        }
        return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
    }

    private static Decision decide(String policy, PolicyCase policyCase) throws UsageException {
        try (Veto veto = PolicyFile.load(policy)) {
            Decision decision = null;
            for (int i = 0; i < policyCase.times(); i++) {
                decision = veto.protect(policyCase.tool(), policyCase.arguments(), policyCase.context());
            }
            return decision;
        }
    }
}
