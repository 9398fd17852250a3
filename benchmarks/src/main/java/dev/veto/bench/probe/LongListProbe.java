package dev.veto.bench.probe;

import dev.veto.engine.eval.CompiledPolicy;
import dev.veto.engine.eval.Decided;
import dev.veto.engine.eval.Decider;
import dev.veto.engine.policy.PolicyException;
import dev.veto.engine.policy.PolicyLoader;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A probe for the check of a long list ({@code sku: [200 strings]}, an allow-list as policies write them):
 * the rules' decision for a value that is the list's last member and for one that is in no list.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LongListProbe {

    private static final int MEMBERS = 200;

    private CompiledPolicy compiled;
    private Map<String, Object> member;
    private Map<String, Object> stranger;

    @Setup
    public void setUp() throws PolicyException {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < MEMBERS; i++) {
            list.append(i == 0 ? "" : ", ").append("sku-").append(10_000 + i);
        }
        String yaml = "name: long-list\ndefault_action: deny\nrules:\n  - id: known-skus\n    tool: order\n"
                + "    conditions:\n      - match: {arguments.sku: " + list + "]}\n        action: allow\n";
        compiled = CompiledPolicy.compile(PolicyLoader.standard().parse(yaml, "long-list.yaml"), null, System::nanoTime);
        member = Map.of("sku", new String("sku-" + (10_000 + MEMBERS - 1)));
        stranger = Map.of("sku", new String("sku-99999"));
    }

    @Benchmark
    public Decided lastMember() {
        return Decider.decide(compiled, "order", member, Map.of(), null);
    }

    @Benchmark
    public Decided stranger() {
        return Decider.decide(compiled, "order", stranger, Map.of(), null);
    }
}
