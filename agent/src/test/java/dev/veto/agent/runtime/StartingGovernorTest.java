package dev.veto.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Calls that arrive while the engine starts in the background wait for it and are never let through unchecked. */
class StartingGovernorTest {

    private static final Outcome DECIDED = new Outcome(false, "deny", "Refunds above 10000 are never issued", "no-big-refunds", "d-1");

    @Test
    void aCallBeforeTheEngineIsReadyWaitsAndIsDecidedByIt() throws Exception {
        StartingGovernor governor = new StartingGovernor(Duration.ofMinutes(1));
        CompletableFuture<Outcome> call = CompletableFuture.supplyAsync(
                () -> governor.govern("issue_refund", Map.of("amount", 50_000), Map.of()));

        Thread.sleep(200); // the call is waiting: nothing has decided it yet
        assertFalse(call.isDone(), "the call must wait for the engine, not run unguarded");
        governor.started((tool, arguments, context) -> tool.equals("issue_refund") ? DECIDED : Outcome.PROCEED);

        assertSame(DECIDED, call.get(30, TimeUnit.SECONDS));
        assertSame(Outcome.PROCEED, governor.govern("lookup_order", Map.of(), Map.of()));
    }

    @Test
    void anEngineThatFailedToStartDeniesWithItsReason() {
        StartingGovernor governor = new StartingGovernor(Duration.ofMinutes(1));
        governor.started(Governor.denyAll("policy failed to load: p.yaml:3:1: unknown key 'rulez'"));

        Outcome outcome = governor.govern("lookup_order", Map.of(), Map.of());

        assertFalse(outcome.proceed());
        assertEquals("policy failed to load: p.yaml:3:1: unknown key 'rulez'", outcome.reason());
    }

    @Test
    void aCallDeniesWhenTheEngineDoesNotStartWithinTheBound() {
        StartingGovernor governor = new StartingGovernor(Duration.ofMillis(50));

        Outcome outcome = governor.govern("lookup_order", Map.of(), Map.of());

        assertFalse(outcome.proceed());
        assertTrue(outcome.reason().startsWith("the Veto policy engine was still starting after"), outcome.reason());
    }
}
