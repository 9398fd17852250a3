package dev.veto.agent.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.ToolDeniedException;
import dev.veto.agent.runtime.Outcome;
import dev.veto.agent.runtime.ToolDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The argument map the policy sees holds every argument of the call. Two parameters resolved to the same
 * name ({@code @ToolParam("amount") long requested, long amount}, or an instrument: entry's shorter
 * {@code parameters} list meeting a compiled name) would leave one value out of the map, and the policy
 * would judge the other one: such a call is denied, saying which name is given twice.
 */
class ArgumentNamesAtCallTest {

    private final ToolSites sites = new ToolSites();
    private final List<Map<String, Object>> decided = new ArrayList<>();
    private final ToolDispatcher dispatcher = new ToolDispatcher(sites, (tool, arguments, context) -> {
        decided.add(arguments);
        return Outcome.PROCEED;
    }, Map.of());

    @Test
    void everyArgumentReachesThePolicyUnderItsName() {
        ToolSite site = sites.register("refund", new String[] {"order_id", "amount"}, "T", "refund", getClass().getClassLoader());

        dispatcher.check(site.id(), new Object[] {"A-1", 50_000L});

        assertEquals(List.of(Map.of("order_id", "A-1", "amount", 50_000L)), decided);
    }

    @Test
    void twoParametersWithOneNameDenyTheCall() {
        ToolSite site = sites.register("refund", new String[] {"amount", "amount"}, "T", "refund", getClass().getClassLoader());

        ToolDeniedException denied = assertThrows(ToolDeniedException.class,
                () -> dispatcher.check(site.id(), new Object[] {50_000L, 1L}));

        assertTrue(decided.isEmpty(), "the policy never judged a map that lacks an argument");
        assertTrue(denied.reason().contains("'amount'"), denied.reason());
    }
}
