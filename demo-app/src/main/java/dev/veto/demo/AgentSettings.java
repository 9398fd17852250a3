package dev.veto.demo;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Veto agent was started with, read from this JVM's own command line
 * ({@code -javaagent:veto-agent.jar=policy=...,mode=...,log=...} and {@code -Dveto.<key>}), so the
 * transcript can say what protects it and where the decision log is. Agent arguments beat system
 * properties, as they do for the agent.
 */
record AgentSettings(boolean attached, Map<String, String> keys) {

    static AgentSettings fromThisJvm() {
        return parse(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static AgentSettings parse(List<String> jvmArguments) {
        Map<String, String> keys = new LinkedHashMap<>();
        boolean attached = false;
        for (String argument : jvmArguments) {
            if (argument.startsWith("-Dveto.")) {
                int equals = argument.indexOf('=');
                if (equals > 0) {
                    keys.putIfAbsent(argument.substring("-Dveto.".length(), equals), argument.substring(equals + 1));
                }
            }
        }
        for (String argument : jvmArguments) {
            if (argument.startsWith("-javaagent:") && argument.contains("veto-agent")) {
                attached = true;
                int equals = argument.indexOf('=');
                if (equals > 0) {
                    for (String pair : argument.substring(equals + 1).split(",")) {
                        int split = pair.indexOf('=');
                        if (split > 0) {
                            keys.put(pair.substring(0, split), pair.substring(split + 1));
                        }
                    }
                }
            }
        }
        return new AgentSettings(attached, Map.copyOf(keys));
    }

    boolean shadow() {
        return "shadow".equals(keys.get("mode"));
    }

    Optional<Path> decisionLog() {
        return Optional.ofNullable(keys.get("log")).map(Path::of);
    }

    String describe() {
        if (!attached) {
            return "NO Veto agent attached: every tool runs unchecked (start with -javaagent:agent/target/veto-agent.jar=...)";
        }
        return "Veto agent, policy " + keys.getOrDefault("policy", "(none given)")
                + ", mode " + keys.getOrDefault("mode", "enforce")
                + keys.entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith("approval"))
                        .map(entry -> ", " + entry.getKey() + " " + entry.getValue())
                        .reduce("", String::concat);
    }
}
