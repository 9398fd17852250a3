package dev.veto.engine;

import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalRequest;
import dev.veto.engine.approval.HoldOwner;
import dev.veto.engine.eval.CompiledPolicy;
import dev.veto.engine.eval.Decided;
import dev.veto.engine.eval.Decider;
import dev.veto.engine.eval.Explanation;
import dev.veto.engine.eval.LimitsOnGrant;
import dev.veto.engine.eval.Tracer;
import dev.veto.engine.log.DecisionLog;
import dev.veto.engine.log.DecisionRecord;
import dev.veto.engine.log.Redactor;
import dev.veto.engine.policy.ApprovalSpec;
import dev.veto.engine.policy.InstrumentEntry;
import dev.veto.engine.policy.Mode;
import dev.veto.engine.policy.Policy;
import dev.veto.engine.policy.PolicyException;
import dev.veto.engine.policy.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
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
 * DENY whose reason says so. Closing the engine stops the reload watcher, denies the calls still held and
 * closes the decision log.
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
            Log.LOG.error(builder.shadow()
                    ? "Veto policy failed to load; shadow mode: every governed call runs and is logged as denied until it is fixed:\n{}"
                    : "Veto policy failed to load; every governed call is denied until it is fixed:\n{}", e.getMessage());
            initial = denying("policy failed to load: " + e.getMessage(), builder.nanoClock());
        }
        Veto veto = new Veto(builder, initial);
        if (builder.hotReload() && builder.policyFile() != null) {
            veto.watcher = new PolicyFileWatcher(builder.policyFile(), builder.hotReloadInterval(), veto::reloadQuietly,
                    veto::staleInForce);
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
        // the elapsed time is for the log's record only: a log that keeps none spares every call the clock read
        boolean logging = log.keepsRecords();
        long started = logging ? System.nanoTime() : 0L;
        State current = state;
        try {
            return decide(current, tool, arguments == null ? Map.of() : arguments,
                    context == null ? Map.of() : context, tracer, logging, started);
        } catch (Throwable t) {
            String toolName = String.valueOf(tool);
            Decision decision = new Decision(DecisionIds.next(), toolName, Action.DENY, "engine error: " + t,
                    null, null, null, Action.DENY);
            if (logging) {
                logRedactedQuietly(decision, current, Map.of(), Map.of(), started);
            }
            return decision;
        }
    }

    /*
     * A decision is made by plain methods that take its inputs as parameters, not by an object holding them:
     * such an object escaped into these methods and cost every call an allocation.
     */

    private Decision decide(State current, String tool, Map<String, ?> arguments, Map<String, ?> context,
            Tracer tracer, boolean logging, long started) {
        if (tool == null) {
            return finish(current, tool, arguments, context, tracer, logging, started,
                    Action.DENY, "the tool name is null", null, null, null, LimitsOnGrant.NONE);
        }
        if (current.loadFailure() != null) {
            return finish(current, tool, arguments, context, tracer, logging, started,
                    Action.DENY, current.loadFailure(), null, null, null, LimitsOnGrant.NONE);
        }
        String logFailure = logging ? log.unavailable() : null;
        if (logFailure != null) {
            return finish(current, tool, arguments, context, tracer, logging, started, Action.DENY,
                    unrecorded(logFailure), null, null, null, LimitsOnGrant.NONE);
        }
        Decided decided = Decider.decide(current.compiled(), tool, arguments, context, tracer);
        return finish(current, tool, arguments, context, tracer, logging, started,
                decided.action(), decided.reason(), decided.ruleId(), decided.location(), decided.approval(),
                decided.onGrant());
    }

    /** Why a call is denied (or a grant refused) while the decision log cannot be written. */
    private static String unrecorded(String logFailure) {
        return "the decision log cannot be written (" + logFailure + "), and no call runs unrecorded";
    }

    private Decision finish(State current, String tool, Map<String, ?> arguments, Map<String, ?> context,
            Tracer tracer, boolean logging, long started, Action enforced, String reason, String ruleId,
            String location, ApprovalSpec approval, LimitsOnGrant onGrant) {
        boolean shadow = shadow(current.compiled().policy());
        Duration timeout = enforced == Action.APPROVAL_REQUIRED ? approval.timeout() : null;
        Decision decision = Decision.withNewId(tool, shadow ? Action.ALLOW : enforced, reason, ruleId, location,
                timeout, enforced);
        if (enforced == Action.APPROVAL_REQUIRED && !shadow && tracer == null) {
            hold(decision, current, arguments, context, logging, started, approval, onGrant);
        } else if (logging) {
            logQuietly(decision, current, arguments, context, started);
        }
        return decision;
    }

    /**
     * Holds the call for approval. The reviewer's copies of the maps (redacted) are the log's too: one
     * redaction per held call. A redaction that fails fails the decision (an engine error, denied), as
     * nothing may show a reviewer what the policy masks.
     */
    private void hold(Decision decision, State current, Map<String, ?> arguments, Map<String, ?> context,
            boolean logging, long started, ApprovalSpec approval, LimitsOnGrant onGrant) {
        Redactor redactor = current.compiled().redactor();
        Map<String, Object> shownArguments = redactor.redactArguments(arguments);
        Map<String, Object> shownContext = redactor.redactContext(context);
        HeldCall held = new HeldCall(decision.tool(), arguments, onGrant, current.compiled().policy());
        ApprovalRequest request = new ApprovalRequest(decision.id(), decision.tool(), shownArguments, shownContext,
                decision.ruleId(), decision.reason(), approval.channel(), approval.timeout(),
                approval.escalateToAllow(), held, Instant.now());
        // logged before the hold opens: an unavailable channel ends the hold inside open(), and its
        // approval line must follow the decision it answers
        if (logging) {
            logRedactedQuietly(decision, current, shownArguments, shownContext, started);
        }
        approvals.open(request, held);
    }

    /** Whether calls under this policy are only logged, never stopped ({@code mode: shadow}, or forced). */
    private boolean shadow(Policy policy) {
        return forceShadow || policy.mode() == Mode.SHADOW;
    }

    private String modeName(boolean shadow) {
        return shadow ? "shadow" : "enforce";
    }

    /** Logs the decision with the call's maps redacted. Never throws: a failure to redact or log is a warning. */
    private void logQuietly(Decision decision, State current, Map<String, ?> arguments, Map<String, ?> context,
            long started) {
        Map<String, Object> shownArguments;
        Map<String, Object> shownContext;
        try {
            Redactor redactor = current.compiled().redactor();
            shownArguments = redactor.redactArguments(arguments);
            shownContext = redactor.redactContext(context);
        } catch (Throwable t) {
            Log.LOG.warn("Veto could not log decision {}: {}", decision.id(), t.toString());
            return;
        }
        logRedactedQuietly(decision, current, shownArguments, shownContext, started);
    }

    /** Logs the decision with the call's maps as the log may show them (already redacted). Never throws. */
    private void logRedactedQuietly(Decision decision, State current, Map<String, Object> shownArguments,
            Map<String, Object> shownContext, long started) {
        try {
            Policy policy = current.compiled().policy();
            log.append(new DecisionRecord(Instant.now(), "decision", decision.id(), decision.tool(),
                    decision.enforcedAction().policyName(), decision.ruleId(), decision.reason(),
                    shownContext, shownArguments, modeName(shadow(policy)), policy.name(), policy.hash(),
                    System.nanoTime() - started, null, null, null));
        } catch (Throwable t) {
            Log.LOG.warn("Veto could not log decision {}: {}", decision.id(), t.toString());
        }
    }

    /**
     * The engine's side of one call held for approval: a grant takes effect only if the call's limits let
     * it through, how the call ended is logged with what its approval line needs, and the hash that binds
     * an answer to the call is computed from the call's own arguments whenever it is asked for (this object
     * is the request's hash supplier, so a hold allocates no separate one).
     */
    private final class HeldCall implements HoldOwner, Supplier<String> {
        private final String tool;
        private final Map<String, ?> arguments;
        private final LimitsOnGrant onGrant;
        private final Policy policy;

        HeldCall(String tool, Map<String, ?> arguments, LimitsOnGrant onGrant, Policy policy) {
            this.tool = tool;
            this.arguments = arguments;
            this.onGrant = onGrant;
            this.policy = policy;
        }

        @Override
        public String get() {
            return CallHash.ofOrNull(tool, arguments);
        }

        @Override
        public Refusal refusalOfGrant() {
            // as for a decision: a call whose ending cannot be recorded does not run (checked before the
            // limits, so a refused grant spends none of them)
            String logFailure = log.keepsRecords() ? log.unavailable() : null;
            if (logFailure != null) {
                return new Refusal(Approval.Outcome.LOG_UNAVAILABLE, unrecorded(logFailure));
            }
            String overLimit = onGrant.applyOnGrant();
            return overLimit == null ? null : new Refusal(Approval.Outcome.LIMIT_REACHED, overLimit);
        }

        @Override
        public void ended(ApprovalRequest request, Approval approval) {
            if (!log.keepsRecords()) {
                return; // as for decisions: no record (a timestamp, strings) for a log that keeps none
            }
            try {
                // a call is held only in enforce mode: in shadow mode it runs at once
                log.append(new DecisionRecord(Instant.now(), "approval", request.decisionId(), request.tool(),
                        approval.granted() ? "allow" : "deny", request.ruleId(), approval.reason(),
                        request.context(), request.arguments(), modeName(false), policy.name(),
                        policy.hash(), 0, approval.reviewer(), approval.outcome().name(),
                        approval.waitedMillis()));
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
        boolean enforcedBefore;
        synchronized (this) {
            State before = state;
            enforcedBefore = before.loadFailure() != null || !shadow(before.compiled().policy());
            state = new State(CompiledPolicy.compile(policy, before.loadFailure() == null ? before.compiled() : null,
                    nanoClock), null);
        }
        if (enforcedBefore && shadow(policy)) {
            // enforcement just stopped: say so as loudly as the start-up warning does, not as a routine reload
            Log.LOG.warn("Veto policy '{}' reloaded from {} says 'mode: shadow': governed tool calls now run and are "
                    + "only logged (sha256 {}; set 'mode: enforce' in the policy to stop them again)",
                    policy.name(), policyFile, policy.contentHash());
        } else {
            Log.LOG.info("Veto policy '{}' reloaded from {} (sha256 {})", policy.name(), policyFile, policy.contentHash());
        }
        return policy;
    }

    /**
     * Whether the file's content is no longer the policy in force (it changed after it was read, before the
     * watcher's first look). A policy that failed to load is not compared: every call is denied meanwhile.
     */
    private boolean staleInForce() {
        State now = state;
        if (now.loadFailure() != null) {
            return false;
        }
        String text;
        try {
            text = Files.readString(policyFile, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return false; // unreadable now: the watcher's stamps see it when it becomes readable
        }
        return !PolicyLoader.contentHash(text).equals(now.compiled().policy().contentHash());
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

    /**
     * Stops the reload watcher, denies every call still held (no answer can be acted on once the engine is
     * gone: the agent closes it when the JVM exits), so that each ends with its approval line, and then
     * closes the decision log.
     */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        for (ApprovalRequest request : approvals.pending()) {
            approvals.resolve(request.decisionId(), false, "veto",
                    "the policy engine closed (the JVM is exiting) before an answer");
        }
        log.close();
    }
}
