package dev.veto.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the raw settings from the three places a user can put them. Each source yields the same canonical
 * keys: {@code mode} is {@code mode=...} in the agent arguments, {@code -Dveto.mode=...}, or
 * {@code VETO_MODE=...}.
 */
public final class ConfigSources {

    static final String PROPERTY_PREFIX = "veto.";
    static final String ENV_PREFIX = "VETO_";
    /** Keys whose values are secrets: never quoted in a problem. */
    static final Set<String> SECRET_KEYS = Set.of("approval.http.token", "approval.webhook.url");
    /**
     * System properties under {@code veto.} that the engine reads itself, so they are no agent key and no
     * error ({@code veto.decisionDiagrams}: when decision diagrams are built; see ARCHITECTURE.md).
     */
    static final Set<String> ENGINE_PROPERTIES = Set.of("veto.decisionDiagrams");

    private ConfigSources() {
    }

    /**
     * Splits {@code -javaagent:veto-agent.jar=<arguments>}: pairs separated by commas. A piece without
     * {@code =} continues the previous value, so a list value can be written in place:
     * {@code approval.channels.supervisors=console,http,mode=shadow}. An empty piece (a trailing or doubled
     * comma) is skipped.
     */
    public static List<ConfigSetting> fromAgentArguments(String arguments, List<String> problems) {
        List<ConfigSetting> settings = new ArrayList<>();
        if (arguments == null || arguments.isBlank()) {
            return settings;
        }
        for (String piece : arguments.split(",", -1)) {
            if (piece.isBlank()) {
                continue; // a trailing or doubled comma: never part of a value (log=/var/log/veto.jsonl,)
            }
            int eq = piece.indexOf('=');
            if (eq < 0) {
                if (settings.isEmpty()) {
                    problems.add("-javaagent argument '" + piece + "': expected key=value, for example policy=/etc/veto/policy.yaml");
                    continue;
                }
                ConfigSetting last = settings.remove(settings.size() - 1);
                String value = last.value() + "," + piece;
                settings.add(new ConfigSetting(last.key(), value, argumentOrigin(last.key(), last.key() + "=" + value)));
                continue;
            }
            String key = piece.substring(0, eq).trim();
            String value = piece.substring(eq + 1).trim();
            settings.add(new ConfigSetting(key, value, argumentOrigin(key, piece.trim())));
        }
        return settings;
    }

    /**
     * Where an agent argument came from, as problems quote it; the value of a secret (the reviewer API's
     * token, the webhook URL, whose path often is the secret) is never quoted, since problems go to stderr
     * and from there to log files.
     */
    private static String argumentOrigin(String key, String piece) {
        return "-javaagent argument '" + (SECRET_KEYS.contains(key) ? key + "=***" : piece) + "'";
    }

    /** Every system property that starts with {@code veto.}, without the prefix. */
    public static List<ConfigSetting> fromSystemProperties(Properties properties) {
        List<ConfigSetting> settings = new ArrayList<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX) && name.length() > PROPERTY_PREFIX.length()
                    && !ENGINE_PROPERTIES.contains(name)) {
                settings.add(new ConfigSetting(name.substring(PROPERTY_PREFIX.length()), properties.getProperty(name),
                        "system property " + name));
            }
        }
        return settings;
    }

    /**
     * Every environment variable that starts with {@code VETO_}: the key whose upper-cased, underscored
     * spelling it is ({@code VETO_APPROVAL_HTTP_PUBLIC_URL} is {@code approval.http.public_url}). After
     * {@code VETO_CONTEXT_} and {@code VETO_APPROVAL_CHANNELS_} the rest is a free name, lower-cased
     * ({@code VETO_CONTEXT_TENANT_ID} is {@code context.tenant_id}). Anything else becomes lower case with
     * dots, and is then reported as an unknown key.
     */
    public static List<ConfigSetting> fromEnvironment(Map<String, String> environment, Iterable<String> fixedKeys) {
        Map<String, String> keyByVariable = new java.util.HashMap<>();
        for (String key : fixedKeys) {
            keyByVariable.put(variableName(key), key);
        }
        List<ConfigSetting> settings = new ArrayList<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ENV_PREFIX) || name.length() == ENV_PREFIX.length()) {
                continue;
            }
            settings.add(new ConfigSetting(keyOf(name, keyByVariable), variable.getValue(), "environment variable " + name));
        }
        return settings;
    }

    private static String keyOf(String variable, Map<String, String> keyByVariable) {
        String known = keyByVariable.get(variable);
        if (known != null) {
            return known;
        }
        for (String freePrefix : ConfigKeys.FREE_NAME_PREFIXES) {
            String variablePrefix = variableName(freePrefix);
            if (variable.startsWith(variablePrefix) && variable.length() > variablePrefix.length()) {
                return freePrefix + variable.substring(variablePrefix.length()).toLowerCase(Locale.ROOT);
            }
        }
        return variable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The environment variable that carries {@code key}: {@code approval.http.port} is {@code VETO_APPROVAL_HTTP_PORT}. */
    public static String variableName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
