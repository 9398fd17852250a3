package dev.veto.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's answer for one tool call.
 *
 * <p>The accessors {@code id, tool, action, reason, ruleId, approvalTimeout} are what the agent, the
 * CLI and the approval channels rely on.
 *
 * <p>A class with a record's accessors, {@code equals}, {@code hashCode} and {@code toString}, rather than a
 * record, for one reason: the id the engine draws is written out as text when it is first read, not when
 * the call is decided. Most calls that are let through under a log that keeps no records never read it, and
 * writing it (an array, a string, 36 characters) cost such a call 20 to 40 ns. The text does not depend on
 * when or by which thread it is first read: it is made from the two numbers drawn with the decision.
 *
 * <dl>
 * <dt>{@code id}</dt><dd>unique id of this decision, also in the decision log</dd>
 * <dt>{@code tool}</dt><dd>the tool's name</dd>
 * <dt>{@code action}</dt><dd>what the caller must do (in shadow mode always ALLOW)</dd>
 * <dt>{@code reason}</dt><dd>why, in words a model and a person can read</dd>
 * <dt>{@code ruleId}</dt><dd>the deciding rule's id, or null when {@code default_action} decided</dd>
 * <dt>{@code condition}</dt><dd>where in the policy the decision came from ("rules[1].conditions[0]"), or
 * null</dd>
 * <dt>{@code approvalTimeout}</dt><dd>for APPROVAL_REQUIRED: how long to hold the call; else null</dd>
 * <dt>{@code enforcedAction}</dt><dd>what enforce mode decides; differs from {@code action} only in shadow
 * mode</dd>
 * </dl>
 */
public final class Decision {

    /** The id's text once written; null until then for an id the engine drew. */
    private String id;
    /** The drawn id (a version-4 UUID's two halves), when {@link #drawn}. */
    private final long idHigh;
    private final long idLow;
    private final boolean drawn;
    private final String tool;
    private final Action action;
    private final String reason;
    private final String ruleId;
    private final String condition;
    private final Duration approvalTimeout;
    private final Action enforcedAction;

    /** A decision with the given id (the fields are those of the accessors of the same names). */
    public Decision(String id, String tool, Action action, String reason, String ruleId, String condition,
            Duration approvalTimeout, Action enforcedAction) {
        this(id, 0, 0, false, tool, action, reason, ruleId, condition, approvalTimeout, enforcedAction);
    }

    /** A decision with a newly drawn id ({@link DecisionIds}), written out when first read. */
    static Decision withNewId(String tool, Action action, String reason, String ruleId, String condition,
            Duration approvalTimeout, Action enforcedAction) {
        return new Decision(null, DecisionIds.high(), DecisionIds.low(), true, tool, action, reason, ruleId,
                condition, approvalTimeout, enforcedAction);
    }

    private Decision(String id, long idHigh, long idLow, boolean drawn, String tool, Action action, String reason,
            String ruleId, String condition, Duration approvalTimeout, Action enforcedAction) {
        this.id = id;
        this.idHigh = idHigh;
        this.idLow = idLow;
        this.drawn = drawn;
        this.tool = tool;
        this.action = action;
        this.reason = reason;
        this.ruleId = ruleId;
        this.condition = condition;
        this.approvalTimeout = approvalTimeout;
        this.enforcedAction = enforcedAction;
    }

    /** Unique id of this decision, also in the decision log. */
    public String id() {
        String text = id;
        if (text == null && drawn) {
            // a race writes equal text twice: a String is safe to publish this way
            text = DecisionIds.text(idHigh, idLow);
            id = text;
        }
        return text;
    }

    /** The tool's name. */
    public String tool() {
        return tool;
    }

    /** What the caller must do (in shadow mode always ALLOW). */
    public Action action() {
        return action;
    }

    /** Why, in words a model and a person can read. */
    public String reason() {
        return reason;
    }

    /** The deciding rule's id, or null when {@code default_action} decided. */
    public String ruleId() {
        return ruleId;
    }

    /** Where in the policy the decision came from ("rules[1].conditions[0]"), or null. */
    public String condition() {
        return condition;
    }

    /** For APPROVAL_REQUIRED: how long to hold the call; else null. */
    public Duration approvalTimeout() {
        return approvalTimeout;
    }

    /** What enforce mode decides; differs from {@link #action} only in shadow mode. */
    public Action enforcedAction() {
        return enforcedAction;
    }

    /** Equal when every accessor's value is equal, as for a record. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof Decision that
                && Objects.equals(id(), that.id())
                && Objects.equals(tool, that.tool)
                && action == that.action
                && Objects.equals(reason, that.reason)
                && Objects.equals(ruleId, that.ruleId)
                && Objects.equals(condition, that.condition)
                && Objects.equals(approvalTimeout, that.approvalTimeout)
                && enforcedAction == that.enforcedAction;
    }

    /** Combines the accessors' hash codes as a record does (31 * h + c, in declaration order). */
    @Override
    public int hashCode() {
        int h = 0;
        for (Object component : new Object[] {id(), tool, action, reason, ruleId, condition, approvalTimeout,
                enforcedAction}) {
            h = 31 * h + Objects.hashCode(component);
        }
        return h;
    }

    /** The record form: {@code Decision[id=..., tool=..., ...]}. */
    @Override
    public String toString() {
        return "Decision[id=" + id() + ", tool=" + tool + ", action=" + action + ", reason=" + reason
                + ", ruleId=" + ruleId + ", condition=" + condition + ", approvalTimeout=" + approvalTimeout
                + ", enforcedAction=" + enforcedAction + "]";
    }
}
