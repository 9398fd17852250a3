package dev.veto.bench;

import dev.veto.engine.Action;

/** Reads a benchmark parameter that names a decision the way a policy spells it. */
final class Decisions {

    private Decisions() {
    }

    static Action byPolicyName(String name) {
        for (Action action : Action.values()) {
            if (action.policyName().equals(name)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown decision '" + name + "'; expected allow, deny or require_approval");
    }
}
