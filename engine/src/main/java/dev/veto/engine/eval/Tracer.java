package dev.veto.engine.eval;

import dev.veto.engine.Decision;
import dev.veto.engine.match.CheckListener;
import dev.veto.engine.match.Describe;
import dev.veto.engine.match.PathCheck;
import dev.veto.engine.match.ValuePath;
import dev.veto.engine.policy.Condition;
import dev.veto.engine.policy.Rule;
import java.util.ArrayList;
import java.util.List;

/** Collects what an evaluation looked at, for {@link Explanation}. Used only when explaining, never on the hot path. */
public final class Tracer implements CheckListener {

    private final List<Explanation.RuleTrace> rules = new ArrayList<>();
    private final List<String> limits = new ArrayList<>();
    private Rule rule;
    private List<Explanation.ConditionTrace> conditions;
    private Condition condition;
    private List<Explanation.CheckTrace> checks;

    void startRule(Rule started) {
        rule = started;
        conditions = new ArrayList<>();
    }

    void startCondition(Condition started) {
        condition = started;
        checks = new ArrayList<>();
    }

    @Override
    public void checked(PathCheck check, Object value, boolean matched, String error) {
        if (checks != null) {
            checks.add(new Explanation.CheckTrace(check.path().toString(), check.operator(), check.operand(),
                    value == ValuePath.MISSING ? "<missing>" : Describe.value(value),
                    error != null ? "error" : matched ? "match" : "miss", error));
        }
    }

    void endCondition(String verdict) {
        conditions.add(new Explanation.ConditionTrace(condition.location(), condition.action().policyName(),
                verdict, List.copyOf(checks)));
        checks = null;
    }

    void endRule(Verdict verdict) {
        rules.add(new Explanation.RuleTrace(rule.id(), rule.location(), rule.tool().toString(),
                verdict == null ? "none" : verdict.action().policyName(),
                verdict == null ? null : verdict.location(), List.copyOf(conditions)));
        rule = null;
    }

    void limit(String note) {
        limits.add(note);
    }

    /** The explanation of the decision this tracer followed. */
    public Explanation explanation(Decision decision, String policyName) {
        return new Explanation(decision, policyName, List.copyOf(rules), List.copyOf(limits));
    }
}
