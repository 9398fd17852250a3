package dev.veto.engine.eval;

import dev.veto.engine.limit.BudgetLimiter;
import dev.veto.engine.limit.RateLimiter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What one call took from rate limits and budgets, so that it can be given back when a later limit of the
 * same call refuses it: a refused call uses up nothing.
 */
final class Reservation {

    private record Taken(RateLimiter rate, BudgetLimiter budget, Object key, BigDecimal amount) {
    }

    private final List<Taken> taken = new ArrayList<>(2);

    void tookPermit(RateLimiter limiter, Object key) {
        taken.add(new Taken(limiter, null, key, null));
    }

    void consumed(BudgetLimiter limiter, Object key, BigDecimal amount) {
        taken.add(new Taken(null, limiter, key, amount));
    }

    /** Gives everything back, newest first. */
    void giveBack() {
        for (int i = taken.size() - 1; i >= 0; i--) {
            Taken t = taken.get(i);
            if (t.rate() != null) {
                t.rate().release(t.key());
            } else {
                t.budget().refund(t.key(), t.amount());
            }
        }
        taken.clear();
    }
}
