package dev.veto.bench.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veto.engine.Action;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The peers are compared on the same decisions only if they decide the same: our engine and every peer
 * give the seed policy's answer on the refund boundaries and roles, and on the benchmark's own three calls.
 */
class PeersAgreeTest {

    private static List<RefundDecider<?>> peers;

    @BeforeAll
    static void load() {
        peers = List.of(new VetoRefunds(), new IfChainRefunds(), new CedarRefunds(),
                CasbinRefunds.compiledMatcher(), CasbinRefunds.evalRules());
    }

    @AfterAll
    static void close() {
        peers.forEach(RefundDecider::close);
    }

    @ParameterizedTest(name = "{0} refunds {1}: {2}")
    @CsvSource({
        "support_l1, 150, ALLOW",
        "support_l1, 200, ALLOW",
        "support_l1, 201, APPROVAL_REQUIRED",
        "support_l1, 500, APPROVAL_REQUIRED",
        "support_l1, -5, DENY",
        "support_l1, 0, DENY",
        "support_l1, 1, ALLOW",
        "support_l2, 2000, ALLOW",
        "support_l2, 2001, APPROVAL_REQUIRED",
        "support_l2, 0, DENY",
        "guest, 50, DENY",
        "guest, 50000, DENY",
    })
    void everyPeerGivesTheSeedPolicysDecision(String role, long amount, Action expected) {
        RefundCall call = new RefundCall(role, amount);
        for (RefundDecider<?> peer : peers) {
            assertEquals(expected, decide(peer, call), peer.name() + " on " + call);
        }
    }

    @ParameterizedTest(name = "the benchmark's {0} call")
    @EnumSource(Action.class)
    void theBenchmarkCallsGetTheirDecisionFromEveryEngine(Action decision) {
        for (RefundDecider<?> peer : peers) {
            assertEquals(decision, decide(peer, RefundCall.expecting(decision)), peer.name());
        }
    }

    private static <R> Action decide(RefundDecider<R> peer, RefundCall call) {
        return peer.decide(peer.request(call));
    }
}
