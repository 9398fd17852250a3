package dev.veto.engine.approval;

import dev.veto.engine.approval.webhook.WebhookEvent;
import dev.veto.engine.approval.webhook.WebhookFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How approvals reach people, read from flat {@code approval.*} keys (the agent collects them from its
 * arguments, {@code -Dveto.approval.*} and {@code VETO_APPROVAL_*}). Keys that do not start with
 * {@code approval.} are ignored, so the agent may pass its whole configuration; an unknown
 * {@code approval.*} key or a bad value is refused with a message that names the key and what was
 * expected.
 *
 * @param defaultTransports transports for a channel label that has no {@code approval.channels.<label>}
 * @param routes            channel label to the transports that serve it
 * @param httpBind          address the reviewer server listens on
 * @param httpPort          its port; 0 picks a free one
 * @param httpToken         the bearer token; empty means generate one at start and print it once
 * @param httpThreads       threads that serve HTTP requests
 * @param publicUrl         the reviewer page's address as people reach it (links in webhooks); empty
 *                          means {@code http://<bind>:<port>/}
 * @param consoleReviewer   the name recorded for answers given on the console
 * @param webhookUrl        where notices are posted; empty means no webhook
 * @param webhookFormat     generic JSON or Slack's incoming-webhook shape
 * @param webhookEvents     which events are posted
 * @param webhookTimeout    how long one delivery attempt may take
 * @param webhookRetries    how many times a failed delivery is tried again
 */
public record ApprovalSettings(
        Set<Transport> defaultTransports,
        Map<String, Set<Transport>> routes,
        String httpBind,
        int httpPort,
        Optional<String> httpToken,
        int httpThreads,
        Optional<URI> publicUrl,
        String consoleReviewer,
        Optional<URI> webhookUrl,
        WebhookFormat webhookFormat,
        Set<WebhookEvent> webhookEvents,
        Duration webhookTimeout,
        int webhookRetries) {

    /** The ways a held call can be answered. */
    public enum Transport {
        CONSOLE, HTTP;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String PREFIX = "approval.";
    private static final String ROUTE_PREFIX = "approval.channels.";

    /** Every key besides {@code approval.channels.<label>}, with its default, for the README and errors. */
    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("approval.default", "console");
        d.put("approval.http.bind", "127.0.0.1");
        d.put("approval.http.port", "0");
        d.put("approval.http.token", "");
        d.put("approval.http.threads", "4");
        d.put("approval.http.public_url", "");
        d.put("approval.console.reviewer", System.getProperty("user.name", "console"));
        d.put("approval.webhook.url", "");
        d.put("approval.webhook.format", "json");
        d.put("approval.webhook.events", "pending");
        d.put("approval.webhook.timeout", "5s");
        d.put("approval.webhook.retries", "3");
        return Collections.unmodifiableMap(d);
    }

    /**
     * Reads the {@code approval.*} keys of {@code config}.
     *
     * @throws IllegalArgumentException naming the key, the bad value and what was expected
     */
    public static ApprovalSettings parse(Map<String, String> config) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        Map<String, Set<Transport>> routes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : config.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (key.startsWith(ROUTE_PREFIX)) {
                String label = key.substring(ROUTE_PREFIX.length());
                if (label.isEmpty()) {
                    throw bad(key, value, "a channel label after 'approval.channels.'");
                }
                routes.put(label, transports(key, value));
            } else if (DEFAULTS.containsKey(key)) {
                values.put(key, value);
            } else {
                throw new IllegalArgumentException("unknown approval setting '" + key + "'; expected one of "
                        + String.join(", ", DEFAULTS.keySet()) + " or approval.channels.<label>");
            }
        }
        return new ApprovalSettings(
                transports("approval.default", values.get("approval.default")),
                Collections.unmodifiableMap(routes),
                nonBlank("approval.http.bind", values.get("approval.http.bind")),
                intIn("approval.http.port", values.get("approval.http.port"), 0, 65535),
                optional(values.get("approval.http.token")),
                intIn("approval.http.threads", values.get("approval.http.threads"), 1, 64),
                optional(values.get("approval.http.public_url")).map(v -> httpUri("approval.http.public_url", v)),
                nonBlank("approval.console.reviewer", values.get("approval.console.reviewer")),
                optional(values.get("approval.webhook.url")).map(v -> httpUri("approval.webhook.url", v)),
                webhookFormat(values.get("approval.webhook.format")),
                webhookEvents(values.get("approval.webhook.events")),
                duration("approval.webhook.timeout", values.get("approval.webhook.timeout")),
                intIn("approval.webhook.retries", values.get("approval.webhook.retries"), 0, 10));
    }

    /** The transports that serve a policy's channel label; an unknown label gets the default's. */
    public Set<Transport> transportsFor(String channelLabel) {
        Set<Transport> route = channelLabel == null ? null : routes.get(channelLabel);
        return route != null ? route : defaultTransports;
    }

    /** Whether any label (or the default) is served by {@code transport}. */
    public boolean uses(Transport transport) {
        return defaultTransports.contains(transport)
                || routes.values().stream().anyMatch(r -> r.contains(transport));
    }

    private static Set<Transport> transports(String key, String value) {
        Set<Transport> result = enumList(key, value, Transport.class, Transport::key);
        if (result.isEmpty()) {
            throw bad(key, value, "at least one of console, http");
        }
        return result;
    }

    private static WebhookFormat webhookFormat(String value) {
        for (WebhookFormat f : WebhookFormat.values()) {
            if (f.key().equals(value)) {
                return f;
            }
        }
        throw bad("approval.webhook.format", value, "json or slack");
    }

    private static Set<WebhookEvent> webhookEvents(String value) {
        return enumList("approval.webhook.events", value, WebhookEvent.class, WebhookEvent::key);
    }

    /** A comma-separated list of an enum's spellings; blanks are skipped, anything else is refused. */
    private static <E extends Enum<E>> Set<E> enumList(String key, String value, Class<E> type,
            Function<E, String> spelling) {
        Map<String, E> known = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            known.put(spelling.apply(constant), constant);
        }
        Set<E> result = EnumSet.noneOf(type);
        for (String part : value.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            E found = known.get(name);
            if (found == null) {
                throw bad(key, value, "a comma-separated list of " + String.join(", ", known.keySet()));
            }
            result.add(found);
        }
        return Collections.unmodifiableSet(result);
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String nonBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw bad(key, value, "a non-empty value");
        }
        return value;
    }

    private static int intIn(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, value, "a whole number from " + min + " to " + max);
    }

    private static URI httpUri(String key, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw bad(key, value, "an absolute http:// or https:// URL");
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}. */
    private static Duration duration(String key, String value) {
        String v = value == null ? "" : value.trim();
        try {
            if (v.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))), key, value);
            }
            if (v.endsWith("s")) {
                return positive(Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1))), key, value);
            }
            if (v.endsWith("m")) {
                return positive(Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1))), key, value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, value, "a positive duration such as 500ms, 5s or 1m");
    }

    private static Duration positive(Duration d, String key, String value) {
        if (d.isNegative() || d.isZero()) {
            throw bad(key, value, "a positive duration such as 500ms, 5s or 1m");
        }
        return d;
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        // a webhook URL carries its credential (a Slack hook's path, user:password), and the agent's refusal of
        // every governed call repeats this message to the model: name the key, never quote the value
        String shown = key.equals("approval.webhook.url") ? "the value (not shown: it may hold a credential)" : "'" + value + "'";
        return new IllegalArgumentException(key + ": " + shown + " is not valid; expected " + expected);
    }

    /** The keys with their defaults (the README lists the same). */
    public static Map<String, String> documentedDefaults() {
        return DEFAULTS;
    }
}
