package dev.veto.engine;

import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalRequest;
import dev.veto.engine.approval.HoldOwner;
import dev.veto.engine.eval.CompiledPolicy;
import dev.veto.engine.eval.Explanation;
import dev.veto.engine.eval.LimitsOnGrant;
import dev.veto.engine.eval.Tracer;
import dev.veto.engine.log.DecisionLog;
import dev.veto.engine.log.DecisionRecord;
import dev.veto.engine.log.Redactor;
import dev.veto.engine.policy.InstrumentEntry;
import dev.veto.engine.policy.Mode;
import dev.veto.engine.policy.Policy;
import dev.veto.engine.policy.PolicyException;
import dev.veto.engine.policy.PolicyLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * The compiled policy is one volatile reference: a reload swaps it atomically, and a call sees either the
 * old policy or the new one, never a mix. {@link #protect} never throws; a failure inside the engine is a
 * DENY whose reason says so. Closing the engine stops the reload watcher and closes the decision log.
 */
public final class Veto implements AutoCloseable {

    /**
     * The logger, bound on first use: binding SLF4J takes milliseconds, and the agent's first governed call
     * may be waiting for this engine to start; the engine logs only problems and reloads.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Veto.class);
    }

    private final PolicyLoader loader;
    private final Path policyFile;
    private final DecisionLog log;
    private final ApprovalRegistry approvals;
    private final LongSupplier nanoClock;
    private final boolean forceShadow;
    private volatile State state;
    private PolicyFileWatcher watcher;

    /** The compiled policy, or why there is none (then every call is denied). */
    private record State(CompiledPolicy compiled, String loadFailure) {
    }


    private Veto(VetoBuilder builder, State initial) {
        this.loader = builder.loader();
        this.policyFile = builder.policyFile();
        this.log = builder.decisionLog();
        this.approvals = builder.approvals();
        this.nanoClock = builder.nanoClock();
        this.forceShadow = builder.shadow();
        this.state = initial;
    }

    static Veto create(VetoBuilder builder, boolean denyOnLoadFailure) throws PolicyException {
        State initial;
        try {
            Policy policy = builder.policyFile() != null ? builder.loader().load(builder.policyFile())
                    : builder.loader().parse(builder.policyText(), builder.policySource());
            initial = new State(CompiledPolicy.compile(policy, null, builder.nanoClock()), null);
        } catch (PolicyException e) {
            if (!denyOnLoadFailure) {
                throw e;
            }
            Log.LOG.error("Veto policy failed to load; every governed call is denied until it is fixed:\n{}", e.getMessage());
            initial = denying("policy failed to load: " + e.getMessage(), builder.nanoClock());
        }
        Veto veto = new Veto(builder, initial);
        if (builder.hotReload() && builder.policyFile() != null) {
            veto.watcher = new PolicyFileWatcher(builder.policyFile(), builder.hotReloadInterval(), veto::reloadQuietly);
        }
        return veto;
    }

    private static State denying(String reason, LongSupplier nanoClock) {
        Policy none = new Policy("<none>", "", "<none>", null, Mode.ENFORCE, Action.DENY, null, List.of(), List.of(), List.of());
        return new State(CompiledPolicy.compile(none, null, nanoClock), reason);
    }

    /** An engine for a policy file, with the defaults of {@link #builder()}. */
    public static Veto fromPolicy(Path policy) throws PolicyException {
        return builder().policyFile(policy).build();
    }

    /** An engine for policy text (problems are reported against {@code <string>}). */
    public static Veto fromString(String policyYaml) throws PolicyException {
        return builder().policyText(policyYaml).build();
    }

    /** An engine that denies every call with this reason: what runs when no policy could be loaded. */
    public static Veto denyAll(String reason) {
        return builder().policyText("name: deny-all").buildDenyingAll(reason);
    }

    /**
     * Options: policy file or text, decision log (default: discard), approval registry, nano clock, shadow
     * override, hot reload.
     */
    public static VetoBuilder builder() {
        return new VetoBuilder();
    }

    static Veto denyingAll(VetoBuilder builder, String reason) {
        return new Veto(builder, denying(reason, builder.nanoClock()));
    }

    /** Decides one call. Never throws: an error inside the engine is a DENY whose reason says so. */
    public Decision protect(String tool, Map<String, ?> arguments, Map<String, ?> context) {
        return decideSafely(tool, arguments, context, null);
    }

    /**
     * Decides one call as {@link #protect} does (rate limits and budgets count, the decision is logged) and
     * says why: every rule considered, each condition's checks with their values and verdicts. A call that
     * needs approval is not held (nobody would wait for it): the decision says APPROVAL_REQUIRED.
     */
    public Explanation explain(String tool, Map<String, ?> arguments, Map<String, ?> context) {
        Tracer tracer = new Tracer();
        Decision decision = decideSafely(tool, arguments, context, tracer);
        return tracer.explanation(decision, policy().name());
    }

    private Decision decideSafely(String tool, Map<String, ?> arguments, Map<String, ?> context, Tracer tracer) {
        long started = System.nanoTime();
        State current = state;
        try {
            return new Deciding(current, tool, arguments, context, tracer, started).decide();
        } catch (Throwable t) {
            String toolName = String.valueOf(tool);
            Decision decision = new Decision(DecisionIds.next(), toolName, Action.DENY, "engine error: " + t,
                    null, null, null, Action.DENY);
            logQuietly(decision, current, Map.of(), Map.of(), started);
            return decision;
        }
    }

    /** One decision being made. */
    private final class Deciding {
        private final State current;
        private final String tool;
        private final Map<String, ?> arguments;
        private final Map<String, ?> context;
        private final Tracer tracer;
        private final long started;

        Deciding(State current, String tool, Map<String, ?> arguments, Map<String, ?> context, Tracer tracer, long started) {
            this.current = current;
            this.tool = tool;
            this.arguments = arguments == null ? Map.of() : arguments;
            this.context = context == null ? Map.of() : context;
            this.tracer = tracer;
            this.started = started;
        }

        Decision decide() {
            if (tool == null) {
                return finish(Action.DENY, "the tool name is null", null, null, null, LimitsOnGrant.NONE);
            }
            if (current.loadFailure() != null) {
                return finish(Action.DENY, current.loadFailure(), null, null, null, LimitsOnGrant.NONE);
            }
            dev.veto.engine.eval.Decided decided =
                    dev.veto.engine.eval.Decider.decide(current.compiled(), tool, arguments, context, tracer);
            return finish(decided.action(), decided.reason(), decided.ruleId(), decided.location(),
                    decided.approval(), decided.onGrant());
        }

        private Decision finish(Action enforced, String reason, String ruleId, String location,
                dev.veto.engine.policy.ApprovalSpec approval, LimitsOnGrant onGrant) {
            Policy policy = current.compiled().policy();
            boolean shadow = forceShadow || policy.mode() == Mode.SHADOW;
            String id = DecisionIds.next();
            Duration timeout = enforced == Action.APPROVAL_REQUIRED ? approval.timeout() : null;
            Decision decision = new Decision(id, tool, shadow ? Action.ALLOW : enforced, reason, ruleId, location,
                    timeout, enforced);
            ApprovalRequest request = null;
            HeldCall owner = null;
            if (enforced == Action.APPROVAL_REQUIRED && !shadow && tracer == null) {
                Redactor redactor = current.compiled().redactor();
                request = new ApprovalRequest(id, tool,
                        redactor.redactArguments(arguments), redactor.redactContext(context),
                        ruleId, reason, approval.channel(), approval.timeout(), approval.escalateToAllow(),
                        () -> CallHash.ofOrNull(tool, arguments), Instant.now());
                owner = new HeldCall(request, onGrant, modeName(shadow), policy.name(), policy.contentHash());
            }
            // logged before the hold opens: an unavailable channel ends the hold inside open(), and its
            // approval line must follow the decision it answers
            logQuietly(decision, current, arguments, context, started);
            if (request != null) {
                approvals.open(request, owner);
            }
            return decision;
        }
    }

    private String modeName(boolean shadow) {
        return shadow ? "shadow" : "enforce";
    }

    private void logQuietly(Decision decision, State current, Map<String, ?> arguments, Map<String, ?> context,
            long started) {
        if (!log.keepsRecords()) {
            return;
        }
        try {
            Policy policy = current.compiled().policy();
            Redactor redactor = current.compiled().redactor();
            boolean shadow = forceShadow || policy.mode() == Mode.SHADOW;
            log.append(new DecisionRecord(Instant.now(), "decision", decision.id(), decision.tool(),
                    decision.enforcedAction().policyName(), decision.ruleId(), decision.reason(),
                    redactor.redactContext(context), redactor.redactArguments(arguments),
                    modeName(shadow), policy.name(), policy.contentHash(), System.nanoTime() - started,
                    null, null, null));
        } catch (Throwable t) {
            Log.LOG.warn("Veto could not log decision {}: {}", decision.id(), t.toString());
        }
    }

    /**
     * One of this engine's calls held for approval: a grant takes effect only if the call's limits let it
     * through, and how the call ended is logged with what its approval line needs.
     */
    private final class HeldCall implements HoldOwner {
        private final ApprovalRequest request;
        private final LimitsOnGrant onGrant;
        private final String mode;
        private final String policyName;
        private final String policyHash;

        HeldCall(ApprovalRequest request, LimitsOnGrant onGrant, String mode, String policyName, String policyHash) {
            this.request = request;
            this.onGrant = onGrant;
            this.mode = mode;
            this.policyName = policyName;
            this.policyHash = policyHash;
        }

        @Override
        public String refusalOfGrant() {
            return onGrant.applyOnGrant();
        }

        @Override
        public void ended(Approval approval) {
            if (!log.keepsRecords()) {
                return; // as for decisions: no record (a timestamp, strings) for a log that keeps none
            }
            try {
                log.append(new DecisionRecord(Instant.now(), "approval", request.decisionId(), request.tool(),
                        approval.granted() ? "allow" : "deny", request.ruleId(), approval.reason(),
                        request.context(), request.arguments(), mode, policyName, policyHash,
                        0, approval.reviewer(), approval.outcome().name(), approval.waitedMillis()));
            } catch (Throwable t) {
                Log.LOG.warn("Veto could not log the approval of {}: {}", request.decisionId(), t.toString());
            }
        }
    }

    /** Blocks until the held call is answered or the timeout's escalation decides. Never throws. */
    public Approval waitForApproval(String decisionId, Duration timeout) {
        try {
            return approvals.await(decisionId, timeout == null ? Duration.ZERO : timeout);
        } catch (Throwable t) {
            return new Approval(false, "veto", "engine error while waiting for approval: " + t,
                    Approval.Outcome.DENIED, 0);
        }
    }

    /** Where channels (and tests) grant or deny held calls. */
    public ApprovalRegistry approvals() {
        return approvals;
    }

    /** The policy in force (a placeholder named {@code <none>} when none could be loaded). */
    public Policy policy() {
        return state.compiled().policy();
    }

    /** The policy's {@code instrument:} entries: methods the agent governs without annotations. */
    public List<InstrumentEntry> instrument() {
        return policy().instrument();
    }

    /** Why every call is denied, when no policy could be loaded. */
    public Optional<String> loadFailure() {
        return Optional.ofNullable(state.loadFailure());
    }

    /**
     * Reads the policy file again and, when it is valid, puts it in force atomically; rate limits and
     * budgets of unchanged rules keep their counts. When it is not valid, the policy in force stays.
     *
     * @throws PolicyException saying what is wrong and where; nothing changed
     * @throws IllegalStateException when the engine was built from text, not a file
     */
    public Policy reload() throws PolicyException {
        if (policyFile == null) {
            throw new IllegalStateException("this engine was built from policy text; there is no file to reload");
        }
        Policy policy = loader.load(policyFile);
        synchronized (this) {
            State before = state;
            state = new State(CompiledPolicy.compile(policy, before.loadFailure() == null ? before.compiled() : null,
                    nanoClock), null);
        }
        Log.LOG.info("Veto policy '{}' reloaded from {} (sha256 {})", policy.name(), policyFile, policy.contentHash());
        return policy;
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (PolicyException e) {
            Log.LOG.error("Veto policy change refused, the previous policy stays in force:\n{}", e.getMessage());
        } catch (RuntimeException e) {
            Log.LOG.error("Veto policy reload failed, the previous policy stays in force", e);
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        log.close();
    }
}
