package dev.veto.agent.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The governor while the policy engine is still starting on its own thread, in parallel with the
 * application's start: a call that arrives before the engine is ready waits for it, and is denied if it
 * does not come within the bound. No call ever runs unguarded; once the engine is ready each call costs
 * one volatile read more.
 */
public final class StartingGovernor implements Governor {

    private final CountDownLatch started = new CountDownLatch(1);
    private final Duration bound;
    private volatile Governor ready;

    /** @param bound how long a call waits for the engine before it is denied */
    public StartingGovernor(Duration bound) {
        this.bound = bound;
    }

    /** Puts the engine's governor (or a deny-all one when it failed to start) in force and releases the waiting calls. */
    public void started(Governor governor) {
        ready = governor;
        started.countDown();
    }

    @Override
    public Outcome govern(String tool, Map<String, Object> arguments, Map<String, Object> context) {
        Governor governor = ready;
        return governor != null ? governor.govern(tool, arguments, context) : awaitThenGovern(tool, arguments, context);
    }

    private Outcome awaitThenGovern(String tool, Map<String, Object> arguments, Map<String, Object> context) {
        try {
            if (!started.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                return Outcome.denied("the Veto policy engine was still starting after " + bound.toSeconds()
                        + " s, so the call is denied");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.denied("interrupted while waiting for the Veto policy engine to start, so the call is denied");
        }
        return ready.govern(tool, arguments, context);
    }
}
