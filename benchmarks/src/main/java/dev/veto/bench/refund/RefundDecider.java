package dev.veto.bench.refund;

import dev.veto.engine.Action;

/**
 * One engine deciding the seed policy's refund rules. The engine's own request form is built once,
 * before measuring ({@link #request}); what the benchmark measures is {@link #decide}: the decision,
 * mapped to the three outcomes the seed policy can give.
 *
 * @param <R> the engine's request form (a Cedar request, jCasbin's arguments, our argument maps...)
 */
public interface RefundDecider<R> extends AutoCloseable {

    /** The name the benchmark tables use. */
    String name();

    R request(RefundCall call);

    Action decide(R request);

    @Override
    default void close() {
    }
}
