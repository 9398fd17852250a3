package dev.veto.engine.eval;

import dev.veto.engine.Action;
import dev.veto.engine.log.Redactor;
import dev.veto.engine.match.CallValues;
import dev.veto.engine.match.CheckProgram;
import dev.veto.engine.match.SlotValues;
import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.policy.Condition;
import dev.veto.engine.policy.Policy;
import dev.veto.engine.policy.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a compiled policy's rules to one call.
 *
 * <ul>
 *   <li>Every rule whose {@code tool} matches gives allow, deny, require_approval or no opinion. A rule with
 *       {@code action} always gives it; a rule with {@code conditions} gives the action of the first
 *       condition whose match holds, and no opinion when none holds.</li>
 *   <li>Across rules deny beats require_approval beats allow; the deciding rule is the first in file order
 *       with the winning action. No opinion from any rule: {@code default_action}.</li>
 *   <li>A condition that cannot be evaluated (see {@link dev.veto.engine.match.Expression}) makes its rule's
 *       opinion deny, with a reason naming the path and operator: an error never allows. Such a deny
 *       decides unless a rule denies by its own action, whose reason is the policy's
 *       ({@link Verdict#decides}); among failures, the first in file order.</li>
 * </ul>
 *
 * On the hot path (no tracer) evaluation runs the tool's {@link ToolProgram}: its {@link DecisionDiagram}
 * when it has one and the call's values suit it; otherwise its conditions compiled into one flat
 * {@link CheckProgram}, evaluating only the rules that can still change the decision ({@link RankFirst}),
 * or, for a tool whose rules have limits, every rule up to the first own deny. Explaining
 * (a tracer) walks each condition's {@link dev.veto.engine.match.Expression} tree and reports every
 * check; both give the same decisions (a differential test holds them to it).
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * @param tracer records every rule, condition and check for an explanation; null on the hot path
     */
    public static Verdict evaluate(CompiledPolicy compiled, String tool, Map<String, ?> arguments,
            Map<String, ?> context, Tracer tracer) {
        if (tracer == null) {
            return run(compiled.programFor(tool), arguments, context);
        }
        // explaining: every rule is evaluated and reported, even after a deny
        CompiledRule[] rules = compiled.rulesFor(tool);
        CallValues call = new CallValues(arguments, context);
        Verdict best = null;
        Verdict firstFailure = null;
        List<CompiledRule> limited = null;
        for (CompiledRule rule : rules) {
            Verdict opinion = opinion(rule, call, tracer);
            if (opinion == null) {
                continue;
            }
            if (opinion.unevaluable()) {
                firstFailure = firstFailure == null ? opinion : firstFailure;
                continue;
            }
            limited = withLimits(limited, rule, opinion);
            if (outranks(opinion, best)) {
                best = opinion;
            }
        }
        Verdict decided = Verdict.decides(best, firstFailure);
        if (decided == null) {
            return byDefault(compiled.policy(), tool, rules.length);
        }
        return limited == null ? decided : decided.withLimited(limited);
    }

    /**
     * The hot path: the same rules, opinions and precedence as {@link #opinion}, on the compiled checks and
     * the ranks kept in the plan ({@link ToolProgram}); only the winning opinion's Verdict is read.
     */
    private static Verdict run(ToolProgram program, Map<String, ?> arguments, Map<String, ?> context) {
        SlotValues call = program.checks().newCall(arguments, context);
        DecisionDiagram diagram = program.diagram().get();
        if (diagram != null) {
            Verdict answer = diagram.decide(program.checks(), call);
            if (answer != null) {
                return answer;
            }
        }
        RankOrder order = program.order();
        return order != null ? RankFirst.decide(program, order, call) : inFileOrder(program, call);
    }

    /**
     * Every rule in file order up to the first that denies by its own action (after an evaluation error,
     * only such a rule can still decide); for tools without a {@link RankOrder}.
     */
    private static Verdict inFileOrder(ToolProgram program, SlotValues call) {
        int[] plan = program.plan();
        CheckProgram checks = program.checks();
        // the rules' objects are read only for an error or limits: the plan says where each rule ends
        CompiledRule[] rules = program.rules();
        int bestRank = -1;
        int bestAt = -1;
        Verdict firstFailure = null;
        List<CompiledRule> limited = null;
        int at = 0;
        for (int r = 0; at < plan.length; r++) {
            int head = plan[at];
            int conditions = head >>> ToolProgram.CONDITIONS_SHIFT;
            int opinionAt = (head & ToolProgram.ALWAYS) != 0 ? at : -1;
            int rank = head & ToolProgram.RANK;
            for (int c = 1; c <= conditions; c++) {
                int word = plan[at + c];
                try {
                    if (checks.holds(word >> 2, call)) {
                        opinionAt = at + c;
                        rank = word & ToolProgram.RANK;
                        break;
                    }
                } catch (EvaluationException e) {
                    if (firstFailure == null) {
                        firstFailure = unevaluable(rules[r], rules[r].conditions()[c - 1], e);
                    }
                    opinionAt = -1;
                    break;
                }
            }
            at += 1 + conditions;
            if (opinionAt < 0) {
                continue;
            }
            if ((head & ToolProgram.LIMITED) != 0 && rank != Verdict.DENY_RANK) {
                limited = withLimits(limited, rules[r], program.verdicts()[opinionAt]);
            }
            if (rank > bestRank) {
                bestRank = rank;
                bestAt = opinionAt;
                if (rank == Verdict.DENY_RANK) {
                    break;
                }
            }
        }
        Verdict decided = Verdict.decides(bestAt < 0 ? null : program.verdicts()[bestAt], firstFailure);
        if (decided == null) {
            return program.byDefault();
        }
        return limited == null ? decided : decided.withLimited(limited);
    }

    private static Verdict opinion(CompiledRule compiled, CallValues call, Tracer tracer) {
        Rule rule = compiled.rule();
        if (tracer != null) {
            tracer.startRule(rule);
        }
        Verdict verdict = compiled.always();
        Condition[] conditions = compiled.conditions();
        for (int i = 0; i < conditions.length; i++) {
            Condition condition = conditions[i];
            if (tracer != null) {
                tracer.startCondition(condition);
            }
            try {
                boolean matched = condition.match().test(call, tracer);
                if (tracer != null) {
                    tracer.endCondition(matched ? "match" : "miss");
                }
                if (matched) {
                    verdict = compiled.onMatch()[i];
                    break;
                }
            } catch (EvaluationException e) {
                if (tracer != null) {
                    tracer.endCondition("error");
                }
                verdict = unevaluable(compiled, condition, e);
                break;
            }
        }
        if (tracer != null) {
            tracer.endRule(verdict);
        }
        return verdict;
    }

    /** The rules with limits that would let the call through: theirs must pass too (a deny needs none). */
    private static List<CompiledRule> withLimits(List<CompiledRule> limited, CompiledRule rule, Verdict opinion) {
        if (opinion.action() == Action.DENY || !rule.hasConstraints()) {
            return limited;
        }
        List<CompiledRule> list = limited == null ? new ArrayList<>(2) : limited;
        list.add(rule);
        return list;
    }

    /** Deny beats require_approval beats allow; among equals the first in file order stays. */
    private static boolean outranks(Verdict opinion, Verdict best) {
        return best == null || Verdict.rank(opinion.action()) > Verdict.rank(best.action());
    }

    /** A condition that could not be evaluated: the rule's opinion is deny, saying why. */
    static Verdict unevaluable(CompiledRule compiled, Condition condition, EvaluationException e) {
        Rule rule = compiled.rule();
        return Verdict.unevaluable(rule, condition.location(),
                "rule " + rule.id() + " could not be evaluated, so the call is denied: " + unquoted(compiled.redactor(), e.getMessage()));
    }

    /**
     * A check's error ({@code PATH (operator OP): why}, which often quotes the value) without the why when the
     * policy redacts the value at PATH: the reason goes to the decision log beside the masked value, and to
     * the caller. That the value is missing quotes nothing and is kept.
     */
    static String unquoted(Redactor redactor, String message) {
        int space = message.indexOf(' ');
        String path = space < 0 ? message : message.substring(0, space);
        if (space < 0 || message.startsWith(" is missing", space) || !redactor.covers(path)) {
            return message;
        }
        int operator = message.indexOf(" (operator ", space);
        int close = operator < 0 ? -1 : message.indexOf(')', operator);
        return path + (operator == space && close > 0 ? message.substring(operator, close + 1) : "")
                + ": its value cannot be judged (not shown: the policy redacts " + path + ")";
    }

    static Verdict byDefault(Policy policy, String tool, int rulesForTool) {
        String why = rulesForTool == 0 ? "no rule covers tool '" + tool + "'"
                : "no rule gave an opinion on this call to '" + tool + "'";
        Action action = policy.defaultAction();
        return new Verdict(action, null, null, why + "; default_action: " + action.policyName(),
                action == Action.APPROVAL_REQUIRED ? policy.defaultApproval() : null, List.of());
    }
}
