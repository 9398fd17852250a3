package dev.veto.engine.eval;

import dev.veto.engine.Action;
import java.util.Map;

/**
 * Rules first ({@link Evaluator}), then the limits of the rules that would let the call through
 * ({@link LimitGate}): at once for a call the rules allow, on the grant for a call they hold
 * ({@link LimitsOnGrant}).
 */
public final class Decider {

    private Decider() {
    }

    public static Decided decide(CompiledPolicy compiled, String tool, Map<String, ?> arguments,
            Map<String, ?> context, Tracer tracer) {
        Verdict verdict = Evaluator.evaluate(compiled, tool, arguments, context, tracer);
        if (verdict.action() == Action.DENY || verdict.limited().isEmpty()) {
            return asDecided(verdict, LimitsOnGrant.NONE);
        }
        if (verdict.action() == Action.APPROVAL_REQUIRED) {
            if (tracer != null) {
                for (CompiledRule rule : verdict.limited()) {
                    tracer.limit("limits of rule " + rule.rule().id() + ": applied when the call is granted");
                }
            }
            return asDecided(verdict, new LimitsOnGrant(verdict.limited(), arguments, context));
        }
        LimitGate.Outcome limits = LimitGate.apply(verdict.limited(), arguments, context, tracer);
        if (limits.denyReason() != null) {
            return new Decided(Action.DENY, limits.denyReason(), limits.denyingRule().id(),
                    limits.denyingRule().location() + ".constraints", null, LimitsOnGrant.NONE);
        }
        return asDecided(verdict, LimitsOnGrant.NONE);
    }

    /** The rules' verdict as it stands. */
    private static Decided asDecided(Verdict verdict, LimitsOnGrant onGrant) {
        return new Decided(verdict.action(), verdict.reason(), verdict.ruleId(),
                verdict.location(), verdict.approval(), onGrant);
    }
}
