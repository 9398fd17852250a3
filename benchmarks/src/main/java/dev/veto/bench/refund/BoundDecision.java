package dev.veto.bench.refund;

import dev.veto.engine.Action;

/**
 * One engine with one call already in the engine's own request form: what a peer benchmark invokes.
 * Built through {@link #check}, which refuses a peer that does not give the expected decision, so a
 * benchmark never compares engines that decide differently.
 */
public final class BoundDecision<R> {

    private final RefundDecider<R> decider;
    private final R request;

    private BoundDecision(RefundDecider<R> decider, R request) {
        this.decider = decider;
        this.request = request;
    }

    public static <R> BoundDecision<R> check(RefundDecider<R> decider, Action expected) {
        RefundCall call = RefundCall.expecting(expected);
        BoundDecision<R> bound = new BoundDecision<>(decider, decider.request(call));
        Action actual = bound.decide();
        if (actual != expected) {
            throw new IllegalStateException(decider.name() + " decides " + actual + " on " + call
                    + " where the seed policy says " + expected + ": the peers do not agree, not measuring");
        }
        return bound;
    }

    public Action decide() {
        return decider.decide(request);
    }

    public void close() {
        decider.close();
    }
}
