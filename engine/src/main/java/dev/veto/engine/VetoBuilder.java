package dev.veto.engine;

import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.log.DecisionLog;
import dev.veto.engine.policy.PolicyException;
import dev.veto.engine.policy.PolicyLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/** Builds a {@link Veto}. Every option has a default except the policy. */
public final class VetoBuilder {

    private Path policyFile;
    private String policyText;
    private String policySource = "<string>";
    private DecisionLog decisionLog = DecisionLog.discard();
    private ApprovalRegistry approvals;
    private LongSupplier nanoClock = System::nanoTime;
    private boolean shadow;
    private boolean hotReload;
    private Duration hotReloadInterval = Duration.ofSeconds(1);
    private PolicyLoader loader = PolicyLoader.standard();

    VetoBuilder() {
    }

    /** The policy file (problems are reported against this path). */
    public VetoBuilder policyFile(Path file) {
        this.policyFile = Objects.requireNonNull(file, "file");
        this.policyText = null;
        return this;
    }

    /** Policy text; problems are reported against {@code <string>}. */
    public VetoBuilder policyText(String text) {
        return policyText(text, "<string>");
    }

    /** Policy text; problems are reported against {@code source}. */
    public VetoBuilder policyText(String text, String source) {
        this.policyText = Objects.requireNonNull(text, "text");
        this.policySource = Objects.requireNonNull(source, "source");
        this.policyFile = null;
        return this;
    }

    /** Where decisions and approval outcomes go (default: nowhere). The engine closes it when it is closed. */
    public VetoBuilder decisionLog(DecisionLog log) {
        this.decisionLog = Objects.requireNonNull(log, "log");
        return this;
    }

    /** The registry through which channels answer held calls (default: a new one). */
    public VetoBuilder approvals(ApprovalRegistry registry) {
        this.approvals = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** The monotonic clock rate limits and budgets count windows with (default {@code System::nanoTime}). */
    public VetoBuilder nanoClock(LongSupplier clock) {
        this.nanoClock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Shadow mode whatever the policy's {@code mode:} says: decisions are logged and every call runs. */
    public VetoBuilder shadow(boolean shadowMode) {
        this.shadow = shadowMode;
        return this;
    }

    /** Watch the policy file and put a valid change in force (default off; files only). */
    public VetoBuilder hotReload(boolean enabled) {
        this.hotReload = enabled;
        return this;
    }

    /** How often the watcher looks at the file (default 1 s). */
    public VetoBuilder hotReloadInterval(Duration interval) {
        this.hotReloadInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /** The loader (to register extra operators: {@code new PolicyLoader(Operators.standard().with(...))}). */
    public VetoBuilder loader(PolicyLoader policyLoader) {
        this.loader = Objects.requireNonNull(policyLoader, "policyLoader");
        return this;
    }

    /**
     * @throws PolicyException when the policy cannot be loaded
     */
    public Veto build() throws PolicyException {
        requirePolicy();
        return Veto.create(this, false);
    }

    /**
     * Never fails: when the policy cannot be loaded, the engine denies every call with a reason that quotes
     * the problems (and, with hot reload on, puts the file in force as soon as it becomes valid). This is
     * what the agent runs at start-up: a missing or broken policy must not let anything through.
     */
    public Veto buildOrDenyAll() {
        requirePolicy();
        try {
            return Veto.create(this, true);
        } catch (PolicyException e) {
            throw new IllegalStateException("unreachable: create(deny on failure) does not throw", e);
        }
    }

    /** An engine that denies every call with this reason, whatever the policy (for start-up failures). */
    public Veto buildDenyingAll(String reason) {
        return Veto.denyingAll(this, Objects.requireNonNull(reason, "reason"));
    }

    private void requirePolicy() {
        if (policyFile == null && policyText == null) {
            throw new IllegalStateException("no policy: call policyFile(path) or policyText(text) first");
        }
    }

    Path policyFile() {
        return policyFile;
    }

    String policyText() {
        return policyText;
    }

    String policySource() {
        return policySource;
    }

    DecisionLog decisionLog() {
        return decisionLog;
    }

    ApprovalRegistry approvals() {
        if (approvals == null) {
            approvals = new ApprovalRegistry();
        }
        return approvals;
    }

    LongSupplier nanoClock() {
        return nanoClock;
    }

    boolean shadow() {
        return shadow;
    }

    boolean hotReload() {
        return hotReload;
    }

    Duration hotReloadInterval() {
        return hotReloadInterval;
    }

    PolicyLoader loader() {
        return loader;
    }
}
