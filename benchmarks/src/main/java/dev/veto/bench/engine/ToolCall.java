package dev.veto.bench.engine;

import java.util.Map;

/** One call to decide: the tool, its arguments and the caller's context, as the agent hands them over. */
public record ToolCall(String tool, Map<String, Object> arguments, Map<String, Object> context) {
}
