package dev.veto.engine.approval;

import dev.veto.engine.Approval;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Calls held for approval and the answers to them. A decision id resolves exactly once: the first answer
 * (a reviewer's, the escalation on timeout, or an unavailable channel) wins, and every later answer gets
 * {@link ResolveResult#ALREADY_RESOLVED} and changes nothing. A grant takes effect only if the call's
 * {@link HoldOwner} lets it; otherwise the call ends denied, with the outcome the owner's refusal names.
 */
public final class ApprovalRegistry {

    /** Waits at least this long are as long as a long of nanoseconds allows. */
    private static final Duration LONGEST_WAIT = Duration.ofNanos(Long.MAX_VALUE);

    /** How many ended decisions are remembered so that a late answer is told "already resolved", not "unknown". */
    private static final int REMEMBERED_OUTCOMES = 10_000;

    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final RecentOutcomes ended = new RecentOutcomes(REMEMBERED_OUTCOMES);
    private final List<ApprovalListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * One held call. Its claim is a field of its own rather than an {@code AtomicBoolean}: one object less
     * for every held call.
     */
    private static final class Held {
        private static final AtomicIntegerFieldUpdater<Held> CLAIMED =
                AtomicIntegerFieldUpdater.newUpdater(Held.class, "claimed");

        final ApprovalRequest request;
        final HoldOwner owner;
        final CompletableFuture<Approval> answer = new CompletableFuture<>();
        final long startedNanos;
        /** Set by the first answer, before its grant is checked, so that no later answer slips in between. */
        private volatile int claimed;

        Held(ApprovalRequest request, HoldOwner owner, long startedNanos) {
            this.request = request;
            this.owner = owner;
            this.startedNanos = startedNanos;
        }

        /** Whether this answer is the first. */
        boolean claim() {
            return CLAIMED.compareAndSet(this, 0, 1);
        }
    }

    public void addListener(ApprovalListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ApprovalListener listener) {
        listeners.remove(listener);
    }

    /** Holds a call that no owner checks or logs (channels' tests, tools); listeners are told. */
    public void open(ApprovalRequest request) {
        open(request, HoldOwner.NONE);
    }

    /** Holds a call for its owner, who checks a grant of it and hears how it ended; listeners (channels) are told. */
    public void open(ApprovalRequest request, HoldOwner owner) {
        held.put(request.decisionId(), new Held(request, owner, System.nanoTime()));
        for (ApprovalListener listener : listeners) {
            try {
                listener.opened(request);
            } catch (RuntimeException e) {
                // A broken channel must not stop the others from being told; the timeout still decides.
            }
        }
    }

    /** The calls held now, oldest first. */
    public List<ApprovalRequest> pending() {
        List<ApprovalRequest> requests = new ArrayList<>();
        for (Held h : held.values()) {
            if (!h.answer.isDone()) {
                requests.add(h.request);
            }
        }
        requests.sort((a, b) -> a.requestedAt().compareTo(b.requestedAt()));
        return requests;
    }

    /** The held call with this decision id, if it is still held. */
    public Optional<ApprovalRequest> find(String decisionId) {
        Held h = held.get(decisionId);
        return h == null || h.answer.isDone() ? Optional.empty() : Optional.of(h.request);
    }

    /** How the decision ended, if it has ended and is still remembered. */
    public Optional<Approval> outcome(String decisionId) {
        return Optional.ofNullable(ended.get(decisionId));
    }

    /** A reviewer's answer. */
    public ResolveResult resolve(String decisionId, boolean granted, String reviewer, String reason) {
        return resolve(decisionId, granted, reviewer, reason, null);
    }

    /**
     * A reviewer's answer bound to the call they saw: when {@code expectedArgumentsHash} is given and is
     * not the held call's hash, nothing changes.
     */
    public ResolveResult resolve(String decisionId, boolean granted, String reviewer, String reason,
            String expectedArgumentsHash) {
        Held h = held.get(decisionId);
        if (h == null) {
            return ended.contains(decisionId) ? ResolveResult.ALREADY_RESOLVED : ResolveResult.UNKNOWN;
        }
        if (expectedArgumentsHash != null && !expectedArgumentsHash.equals(h.request.argumentsHash())) {
            return ResolveResult.CALL_MISMATCH;
        }
        Approval.Outcome outcome = granted ? Approval.Outcome.GRANTED : Approval.Outcome.DENIED;
        return complete(h, new Approval(granted, reviewer, reason, outcome, waitedMillis(h)))
                ? ResolveResult.RESOLVED
                : ResolveResult.ALREADY_RESOLVED;
    }

    /** A channel cannot reach anyone for this call: the escalation decides at once. */
    public ResolveResult channelUnavailable(String decisionId, String why) {
        Held h = held.get(decisionId);
        if (h == null) {
            return ended.contains(decisionId) ? ResolveResult.ALREADY_RESOLVED : ResolveResult.UNKNOWN;
        }
        return complete(h, escalation(h, Approval.Outcome.CHANNEL_UNAVAILABLE, why))
                ? ResolveResult.RESOLVED
                : ResolveResult.ALREADY_RESOLVED;
    }

    /**
     * Blocks until the held call is answered or {@code timeout} passes; then the request's escalation
     * decides (deny unless the policy said allow). Never throws; an unknown id is denied.
     */
    public Approval await(String decisionId, Duration timeout) {
        Held h = held.get(decisionId);
        if (h == null) {
            Approval previous = ended.get(decisionId);
            return previous != null ? previous
                    : new Approval(false, "veto", "no call is held under decision " + decisionId,
                            Approval.Outcome.UNKNOWN_DECISION, 0);
        }
        try {
            // a policy's timeout may be up to 999999999d, beyond a long of nanoseconds (about 292 years)
            long nanos = timeout.compareTo(LONGEST_WAIT) >= 0 ? Long.MAX_VALUE : Math.max(0, timeout.toNanos());
            return h.answer.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            complete(h, escalation(h, Approval.Outcome.TIMED_OUT,
                    "no answer within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            complete(h, new Approval(false, "veto", "interrupted while waiting for approval",
                    Approval.Outcome.DENIED, waitedMillis(h)));
        } catch (ExecutionException e) {
            complete(h, new Approval(false, "veto", "approval failed: " + e.getCause(),
                    Approval.Outcome.DENIED, waitedMillis(h)));
        }
        return h.answer.join();
    }

    private Approval escalation(Held h, Approval.Outcome outcome, String why) {
        boolean allow = h.request.escalateToAllow();
        return new Approval(allow, "escalation",
                why + "; escalation: " + (allow ? "allow" : "deny"), outcome, waitedMillis(h));
    }

    /** First answer wins; returns whether this one did. */
    private boolean complete(Held h, Approval answer) {
        if (!h.claim()) {
            return false;
        }
        Approval approval = answer.granted() ? checked(h, answer) : answer;
        h.answer.complete(approval);
        String id = h.request.decisionId();
        ended.put(id, approval);
        held.remove(id, h);
        try {
            h.owner.ended(h.request, approval);
        } catch (RuntimeException e) {
            // the owner reports its own failures; the channels must still hear that the call ended
        }
        for (ApprovalListener listener : listeners) {
            try {
                listener.closed(h.request, approval);
            } catch (RuntimeException e) {
                // see open(): one listener's failure is not the others' concern
            }
        }
        return true;
    }

    /** The grant, or the owner's refusal of it (an owner that fails to answer refuses too). */
    private static Approval checked(Held h, Approval grant) {
        HoldOwner.Refusal refusal;
        try {
            refusal = h.owner.refusalOfGrant();
        } catch (RuntimeException e) {
            refusal = new HoldOwner.Refusal(Approval.Outcome.LIMIT_REACHED, "the grant could not be checked (" + e + ")");
        }
        return refusal == null ? grant
                : new Approval(false, grant.reviewer(), "granted by " + grant.reviewer() + ", but " + refusal.reason(),
                        refusal.outcome(), grant.waitedMillis());
    }

    private static long waitedMillis(Held h) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - h.startedNanos);
    }
}
