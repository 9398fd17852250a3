package dev.veto.agent.config;

/**
 * One {@code key=value} pair and where it came from, so an error can point at the exact place to fix.
 *
 * @param key    the canonical key ({@code policy}, {@code context.environment}, ...)
 * @param value  the value as given
 * @param origin how the user wrote it: {@code -javaagent argument 'mode=shadow'}, {@code system property
 *               veto.mode}, {@code environment variable VETO_MODE}
 */
public record ConfigSetting(String key, String value, String origin) {
}
