package dev.veto.agent.runtime;

import java.util.Map;

/**
 * Decides a governed call, waiting for a person's approval when the policy asks for one. The agent's only
 * door to the policy engine (see {@code dev.veto.agent.engine}), so the call path knows nothing of it.
 */
public interface Governor {

    /**
     * @return never null; may throw, in which case the call is denied
     */
    Outcome govern(String tool, Map<String, Object> arguments, Map<String, Object> context);

    /** A governor that denies every call with the same reason: the fail-closed answer when there is no policy. */
    static Governor denyAll(String reason) {
        Outcome outcome = Outcome.denied(reason);
        return (tool, arguments, context) -> outcome;
    }
}
