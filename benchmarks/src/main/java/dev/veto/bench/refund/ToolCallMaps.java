package dev.veto.bench.refund;

import java.util.Map;

/** A call's argument and context maps, as the agent hands them to the engine. */
public record ToolCallMaps(Map<String, ?> arguments, Map<String, ?> context) {
}
