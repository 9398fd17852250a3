package dev.veto.agent.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every key the agent understands, and what a good value looks like. README.md ("Attaching the agent")
 * documents the same list; keep them together.
 */
public final class ConfigKeys {

    public static final String POLICY = "policy";
    public static final String MODE = "mode";
    public static final String LOG = "log";
    public static final String RELOAD = "reload";
    public static final String VERBOSE = "verbose";
    public static final String CONTEXT_PREFIX = "context.";
    /** {@code approval.*} keys belong to the approval channels, which check them (see {@code ApprovalSettings}). */
    public static final String APPROVAL_PREFIX = "approval.";

    /** Prefixes followed by a name the user chooses (a context key, a channel label). */
    static final List<String> FREE_NAME_PREFIXES = List.of(CONTEXT_PREFIX, "approval.channels.");

    /**
     * The fixed keys, including the approval channels' own (so that {@code VETO_APPROVAL_HTTP_PUBLIC_URL}
     * maps back to {@code approval.http.public_url}).
     */
    static final List<String> FIXED_KEYS = List.of(POLICY, MODE, LOG, RELOAD, VERBOSE,
            "approval.default", "approval.http.bind", "approval.http.port", "approval.http.token",
            "approval.http.threads", "approval.http.public_url", "approval.console.reviewer",
            "approval.webhook.url", "approval.webhook.format", "approval.webhook.events",
            "approval.webhook.timeout", "approval.webhook.retries");

    static final String KNOWN = "policy, mode, log, reload, verbose, context.<name>, approval.*";

    private ConfigKeys() {
    }

    /** What is wrong with {@code value} for {@code key}, or null when it is fine. */
    static String problem(String key, String value) {
        if (key.startsWith(APPROVAL_PREFIX)) {
            return null; // checked by the approval channels as a whole
        }
        if (key.startsWith(CONTEXT_PREFIX)) {
            String name = key.substring(CONTEXT_PREFIX.length());
            if (name.isEmpty()) {
                return "a context name after 'context.', for example context.environment=prod";
            }
            if (name.indexOf('.') >= 0 || name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
                // no policy path could read it: context.a.b reads 'b' under 'a', never the key "a.b"
                return "a context name without '.', '[' or ']', which a policy path reads as going deeper"
                        + " (context.a.b is 'b' under 'a'); for example context." + name.replaceAll("[.\\[\\]]+", "_")
                        .replaceAll("_$", "");
            }
            return null;
        }
        return switch (key) {
            case POLICY, LOG -> value.isBlank() ? "a file path" : null;
            case MODE -> Map.of("enforce", 1, "shadow", 1).containsKey(value) ? null : "'enforce' or 'shadow'";
            case RELOAD, VERBOSE -> isBoolean(value) ? null : "'true' or 'false'";
            default -> "unknown key; known keys: " + KNOWN;
        };
    }

    static boolean isBoolean(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("false");
    }
}
