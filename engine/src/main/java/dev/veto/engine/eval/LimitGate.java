package dev.veto.engine.eval;

import dev.veto.engine.limit.BudgetLimiter;
import dev.veto.engine.match.Describe;
import dev.veto.engine.match.EvaluationException;
import dev.veto.engine.match.ExactNumbers;
import dev.veto.engine.match.StringValues;
import dev.veto.engine.match.ValuePath;
import dev.veto.engine.policy.BudgetSpec;
import dev.veto.engine.policy.RateLimitSpec;
import dev.veto.engine.policy.Rule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Applies the rate limits and budgets of the rules that would let a call through.
 *
 * <p>What is counted: a rate limit counts the calls its rule lets through, that is the calls whose rules'
 * verdict is not deny and for which this rule gave allow or require_approval; a held call counts when it is
 * granted, not while it waits ({@link LimitsOnGrant}). A budget adds up its {@code sum} path over the same
 * calls. Limits are applied in rule order,
 * rate limit before budget; the first that refuses denies the call, and everything this call took from
 * the others is given back, so a refused call never uses up anything.
 *
 * <p>Keys: {@code per} reads a path; strings, numbers (exactly: 7 and 7.0 are one key), booleans and enum
 * constants are keys. A missing, null or other value cannot key a limit, and the call is denied.
 */
final class LimitGate {

    /** The one key of a limit without {@code per}. */
    private static final Object EVERYONE = "*";
    private static final int MAX_AMOUNT_DECIMALS = 30;

    private LimitGate() {
    }

    /** What the gate decided: nothing to say (the call took what it needs), or a reason to deny. */
    record Outcome(String denyReason, Rule denyingRule) {
        static final Outcome PASSED = new Outcome(null, null);
    }

    static Outcome apply(List<CompiledRule> limited, Map<String, ?> arguments, Map<String, ?> context, Tracer tracer) {
        Reservation reservation = new Reservation();
        for (CompiledRule compiled : limited) {
            Rule rule = compiled.rule();
            String refusal = null;
            try {
                if (compiled.rateLimiter() != null) {
                    refusal = rate(compiled, reservation, arguments, context, tracer);
                }
                if (refusal == null && compiled.budgetLimiter() != null) {
                    refusal = budget(compiled, reservation, arguments, context, tracer);
                }
            } catch (EvaluationException e) {
                refusal = "rule " + rule.id() + "'s limit could not be applied, so the call is denied: " + e.getMessage();
            } catch (RuntimeException e) {
                // a value no limit can read (an exponent that overflows when normalised, a CharSequence that
                // throws): denied like an evaluation error, and what earlier limits took is given back below,
                // so a refused call never uses up what other calls are allowed
                refusal = "rule " + rule.id() + "'s limit could not be applied, so the call is denied: " + e;
            }
            if (refusal != null) {
                reservation.giveBack();
                if (tracer != null) {
                    tracer.limit(refusal);
                }
                return new Outcome(refusal, rule);
            }
        }
        return Outcome.PASSED;
    }

    private static String rate(CompiledRule compiled, Reservation reservation, Map<String, ?> arguments,
            Map<String, ?> context, Tracer tracer) throws EvaluationException {
        RateLimitSpec spec = compiled.rule().rateLimit();
        Object key = key(spec.per(), arguments, context, "rate limit");
        if (!compiled.rateLimiter().tryAcquire(key)) {
            return "rate limit of rule " + compiled.rule().id() + " reached: at most " + spec.limit()
                    + (spec.per() == null ? "" : " per " + spec.per()) + " calls";
        }
        reservation.tookPermit(compiled.rateLimiter(), key);
        if (tracer != null) {
            tracer.limit("rate limit " + spec.limit() + " of rule " + compiled.rule().id() + ": within the limit");
        }
        return null;
    }

    private static String budget(CompiledRule compiled, Reservation reservation, Map<String, ?> arguments,
            Map<String, ?> context, Tracer tracer) throws EvaluationException {
        BudgetSpec spec = compiled.rule().budget();
        // a budget over a redacted path quotes no amount: not the one asked, nor what is left (the earlier ones)
        String hidden = compiled.redactor().covers(spec.sum().toString())
                ? " (amounts not shown: the policy redacts " + spec.sum() + ")" : null;
        Object value = spec.sum().resolve(arguments, context);
        if (value == ValuePath.MISSING) {
            throw new EvaluationException("budget sums " + spec.sum() + ", which is missing");
        }
        BigDecimal amount;
        try {
            amount = ExactNumbers.of(value);
        } catch (EvaluationException e) {
            throw new EvaluationException("budget sums " + spec.sum()
                    + (hidden == null ? ": " + e.getMessage() : ", which cannot be added up" + hidden));
        }
        if (amount.stripTrailingZeros().scale() > MAX_AMOUNT_DECIMALS) {
            // Summing it would carry that many decimal places in every later sum.
            throw new EvaluationException("budget sums " + spec.sum() + ", which has more than "
                    + MAX_AMOUNT_DECIMALS + " decimal places" + (hidden == null ? " (" + Describe.number(amount) + ")" : hidden));
        }
        if (amount.signum() < 0) {
            throw new EvaluationException("budget sums " + spec.sum() + ", which is negative"
                    + (hidden == null ? " (" + Describe.number(amount) + ")" : hidden));
        }
        Object key = key(spec.per(), arguments, context, "budget");
        BudgetLimiter.Result result = amount.compareTo(spec.limit().amount()) > 0
                // more than the whole budget: refused before any sum (it could have a billion digits)
                ? new BudgetLimiter.Result(false, compiled.budgetLimiter().remaining(key))
                : compiled.budgetLimiter().tryConsume(key, amount);
        if (!result.granted()) {
            return "budget of rule " + compiled.rule().id() + " exceeded: " + spec.sum() + " may add up to "
                    + spec.limit() + (spec.per() == null ? "" : " per " + spec.per())
                    + (hidden == null ? "; " + Describe.number(result.remaining()) + " left, " + Describe.number(amount) + " asked" : hidden);
        }
        reservation.consumed(compiled.budgetLimiter(), key, amount);
        if (tracer != null) {
            tracer.limit("budget " + spec.limit() + " of rule " + compiled.rule().id() + ": "
                    + Describe.number(result.remaining()) + " left after this call");
        }
        return null;
    }

    private static Object key(ValuePath per, Map<String, ?> arguments, Map<String, ?> context, String what)
            throws EvaluationException {
        if (per == null) {
            return EVERYONE;
        }
        Object value = per.resolve(arguments, context);
        if (value == ValuePath.MISSING || value == null) {
            throw new EvaluationException(what + " is counted per " + per + ", which is "
                    + (value == null ? "null" : "missing"));
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number) {
            return ExactNumbers.of(value).stripTrailingZeros().toString();
        }
        if (StringValues.isStringLike(value)) {
            // a number written as text counts with the number, as equality matchers read it: a caller that
            // alternates 100, "100" and "1e2" for one user gets one count, not three
            String text = StringValues.of(value);
            BigDecimal number = ExactNumbers.tryParse(text);
            return number == null ? text : number.stripTrailingZeros().toString();
        }
        throw new EvaluationException(what + " is counted per " + per + ", which is " 
                + Describe.typeOf(value) + ", expected a string or number");
    }
}
