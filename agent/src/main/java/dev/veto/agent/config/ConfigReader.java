package dev.veto.agent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the {@link AgentConfig} from the agent arguments, system properties and environment. Never throws:
 * every bad key or value becomes a problem in the result, which makes the agent deny every governed call
 * (fail closed) while the application keeps running.
 */
public final class ConfigReader {

    private ConfigReader() {
    }

    /** Reads the real JVM's system properties and environment. */
    public static AgentConfig read(String agentArguments) {
        return read(agentArguments, System.getProperties(), System.getenv());
    }

    public static AgentConfig read(String agentArguments, Properties systemProperties, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        // Lowest precedence first: each later source overwrites the keys it sets.
        Map<String, ConfigSetting> merged = new LinkedHashMap<>();
        putAll(merged, ConfigSources.fromEnvironment(environment, ConfigKeys.FIXED_KEYS), problems);
        putAll(merged, ConfigSources.fromSystemProperties(systemProperties), problems);
        putAll(merged, ConfigSources.fromAgentArguments(agentArguments, problems), problems);

        Map<String, String> context = new LinkedHashMap<>();
        Map<String, String> approval = new LinkedHashMap<>();
        Map<String, String> approvalOrigins = new LinkedHashMap<>();
        for (ConfigSetting setting : merged.values()) {
            String problem = ConfigKeys.problem(setting.key(), setting.value());
            if (problem != null) {
                problems.add(setting.origin() + ": " + (problem.startsWith("unknown") ? problem : "expected " + problem));
            } else if (setting.key().startsWith(ConfigKeys.CONTEXT_PREFIX)) {
                context.put(setting.key().substring(ConfigKeys.CONTEXT_PREFIX.length()), setting.value());
            } else if (setting.key().startsWith(ConfigKeys.APPROVAL_PREFIX)) {
                approval.put(setting.key(), setting.value());
                approvalOrigins.put(setting.key(), setting.origin());
            }
        }
        return new AgentConfig(
                path(merged.get(ConfigKeys.POLICY)),
                valid(merged.get(ConfigKeys.MODE)) ? merged.get(ConfigKeys.MODE).value() : null,
                path(merged.get(ConfigKeys.LOG)),
                bool(merged.get(ConfigKeys.RELOAD), true),
                bool(merged.get(ConfigKeys.VERBOSE), false),
                context, approval, problems, approvalOrigins);
    }

    private static void putAll(Map<String, ConfigSetting> merged, List<ConfigSetting> settings, List<String> problems) {
        Map<String, ConfigSetting> seen = new LinkedHashMap<>();
        for (ConfigSetting setting : settings) {
            ConfigSetting earlier = seen.put(setting.key(), setting);
            if (earlier != null) {
                problems.add(setting.origin() + ": '" + setting.key() + "' is also set by " + earlier.origin()
                        + "; give each key once");
            }
            merged.put(setting.key(), setting);
        }
    }

    private static boolean valid(ConfigSetting setting) {
        return setting != null && ConfigKeys.problem(setting.key(), setting.value()) == null;
    }

    private static Path path(ConfigSetting setting) {
        if (!valid(setting)) {
            return null;
        }
        try {
            return Path.of(setting.value());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean bool(ConfigSetting setting, boolean fallback) {
        return valid(setting) ? Boolean.parseBoolean(setting.value().toLowerCase(Locale.ROOT)) : fallback;
    }
}
