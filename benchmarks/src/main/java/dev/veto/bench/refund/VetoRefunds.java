package dev.veto.bench.refund;

import dev.veto.bench.engine.BenchEngine;
import dev.veto.bench.engine.BenchResources;
import dev.veto.bench.engine.ToolCall;
import dev.veto.engine.Action;

/**
 * Our engine on {@code refund/refund-rules.yaml}: the seed policy's refund rules, conditions word for
 * word, without the rate limit and budget the peers cannot express; decision log off.
 */
public final class VetoRefunds implements RefundDecider<ToolCall> {

    private static final String POLICY = "refund/refund-rules.yaml";

    private final BenchEngine engine = BenchEngine.open(BenchResources.text(POLICY), POLICY, BenchEngine.LOG_OFF);

    @Override
    public String name() {
        return "veto";
    }

    @Override
    public ToolCall request(RefundCall call) {
        return call.toolCall();
    }

    @Override
    public Action decide(ToolCall request) {
        return engine.decide(request).action();
    }

    @Override
    public void close() {
        engine.close();
    }
}
