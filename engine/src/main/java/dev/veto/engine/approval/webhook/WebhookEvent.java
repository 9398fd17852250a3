package dev.veto.engine.approval.webhook;

import java.util.Locale;

/** What a webhook notice announces. */
public enum WebhookEvent {
    /** A call is held for approval. */
    PENDING,
    /** A call was denied (by a rule, or by a reviewer or the escalation). */
    DENY,
    /** A call was refused because a rate limit or budget was reached. */
    RATE_LIMIT;

    /** The spelling in {@code approval.webhook.events} and in the notice's {@code event} field. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
