package dev.veto.agent.cli;

import dev.veto.engine.Veto;
import dev.veto.engine.eval.Explanation;
import dev.veto.engine.eval.Explanation.CheckTrace;
import dev.veto.engine.eval.Explanation.ConditionTrace;
import dev.veto.engine.eval.Explanation.RuleTrace;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code explain}: the whole trace of one decision, for a person: each rule whose tool matched, each
 * condition evaluated with each check's value and verdict, the limits, and the decision.
 */
final class ExplainCommand implements Command {

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String summary() {
        return "show the whole trace of a decision: each rule considered, each condition's values and verdicts";
    }

    @Override
    public Set<String> options() {
        return Set.of("policy", "tool", "args", "context");
    }

    @Override
    public String help() {
        return """
                usage: java -jar veto-agent.jar explain --policy POLICY --tool NAME --args JSON [--context JSON]

                Decides the call as the agent would and prints why: every rule whose tool matches, in file order,
                with its opinion; under it each condition tried (conditions after the first match are not
                tried) and each check's path, operator, the value found and its verdict (match, miss, error);
                then what rate limits and budgets said, and the decision.
                Exit codes: 0 explained (whatever the decision); 2 bad flags, JSON or policy.
                Example: java -jar veto-agent.jar explain --policy policies/support-agent.yaml \\
                           --tool issue_refund --args '{"amount": 500}' --context '{"role": "support_l1"}'
                """;
    }

    @Override
    public int run(Arguments arguments, Console console) throws UsageException {
        String policy = arguments.required("policy");
        arguments.positionals(0, "only flags");
        EvalCommand.Call call = EvalCommand.singleCall(arguments);
        try (Veto veto = PolicyFile.load(policy)) {
            print(veto.explain(call.tool(), call.arguments(), call.context()), call, console.out());
        }
        return ExitCode.OK;
    }

    /** {@code <= 200} as written, or {@code equals "support_l1"} where the operand does not say the operator. */
    private static String test(CheckTrace check) {
        return check.operand().startsWith(check.operator()) ? check.operand() : check.operator() + " " + check.operand();
    }

    private static void print(Explanation explanation, EvalCommand.Call call, PrintStream out) {
        out.println("call:   " + call.tool() + " arguments " + CliJson.write(call.arguments())
                + " context " + CliJson.write(call.context()));
        out.println("policy: " + explanation.policyName());
        out.println();
        if (explanation.rules().isEmpty()) {
            out.println("no rule's tool matches '" + call.tool() + "'");
        }
        for (RuleTrace rule : explanation.rules()) {
            String from = rule.decidedBy() == null ? "" : ", from " + rule.decidedBy();
            out.println("rule " + rule.id() + " (" + rule.location() + ", tool " + rule.tool() + "): " + rule.opinion() + from);
            for (ConditionTrace condition : rule.conditions()) {
                out.println("  " + condition.location() + " -> " + condition.action() + ": " + condition.verdict());
                for (CheckTrace check : condition.checks()) {
                    String error = check.error() == null ? "" : " (" + check.error() + ")";
                    out.println("    " + check.path() + " " + test(check) + "  value " + check.value()
                            + "  -> " + check.verdict() + error);
                }
            }
        }
        if (!explanation.limits().isEmpty()) {
            out.println("limits:");
            explanation.limits().forEach(limit -> out.println("  " + limit));
        }
        out.println();
        out.println("decision: " + DecisionJson.verdict(explanation.decision()).policyName()
                + " -- " + DecisionJson.explanation(explanation.decision())
                + (explanation.decision().reason() == null ? "" : ": " + explanation.decision().reason()));
    }
}
