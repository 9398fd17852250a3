package dev.veto.engine;

import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.policy.PolicyException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The engine's front door: load a policy once, then ask it about each tool call.
 *
 * <pre>{@code
 * Veto veto = Veto.fromPolicy(Path.of("policy.yaml"));
 * Decision d = veto.protect("issue_refund", Map.of("amount", 500), Map.of("role", "support_l1"));
 * if (d.action() == Action.APPROVAL_REQUIRED) {
 *     Approval a = veto.waitForApproval(d.id(), d.approvalTimeout());
 * }
 * }</pre>
 */
public final class Veto implements AutoCloseable {

    // SCAFFOLD: the engine core (issue 2) replaces these bodies.

    public static Veto fromPolicy(Path policy) throws PolicyException {
        throw new UnsupportedOperationException("engine core not built yet");
    }

    public static Veto fromString(String policyYaml) throws PolicyException {
        throw new UnsupportedOperationException("engine core not built yet");
    }

    /** Decides one call. Never throws: an error inside the engine is a DENY whose reason says so. */
    public Decision protect(String tool, Map<String, ?> arguments, Map<String, ?> context) {
        throw new UnsupportedOperationException("engine core not built yet");
    }

    /** Blocks until the held call is answered or the timeout's escalation decides. Never throws. */
    public Approval waitForApproval(String decisionId, Duration timeout) {
        throw new UnsupportedOperationException("engine core not built yet");
    }

    /** Where channels (and tests) grant or deny held calls. */
    public ApprovalRegistry approvals() {
        throw new UnsupportedOperationException("engine core not built yet");
    }

    @Override
    public void close() {
    }
}
