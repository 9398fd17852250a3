package dev.veto.bench.refund;

import dev.veto.engine.Action;
import dev.veto.engine.Veto;
import dev.veto.engine.policy.PolicyException;

/**
 * Our engine on {@code refund/refund-rules.yaml}: the seed policy's refund rules, conditions word for
 * word, without the rate limit and budget the peers cannot express.
 */
public final class VetoRefunds implements RefundDecider<ToolCallMaps> {

    private final Veto veto;

    public VetoRefunds() {
        try {
            veto = Veto.fromString(BenchResources.text("refund/refund-rules.yaml"));
        } catch (PolicyException e) {
            throw new IllegalStateException("refund/refund-rules.yaml does not load: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "veto";
    }

    @Override
    public ToolCallMaps request(RefundCall call) {
        return call.maps();
    }

    @Override
    public Action decide(ToolCallMaps request) {
        return veto.protect(RefundCall.TOOL, request.arguments(), request.context()).action();
    }

    @Override
    public void close() {
        veto.close();
    }
}
