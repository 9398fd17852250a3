package dev.veto.engine.approval.webhook;

import java.util.Locale;

/** The body a webhook receives. */
public enum WebhookFormat {
    /** A JSON object with the event's fields and a link to the reviewer page. */
    JSON,
    /** Slack's incoming-webhook shape: {@code {"text": "..."}}. */
    SLACK;

    /** The spelling in {@code approval.webhook.format}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
