package dev.veto.agent.weave;

import java.util.List;

/**
 * Why a method is a tool, found once when its class is woven.
 *
 * @param tool       the tool's name in the policy
 * @param parameters names given by an {@code instrument:} entry, or null to read them from the class
 * @param source     what made it a tool ({@code @dev.veto.Tool}, {@code instrument: com.acme.Db#drop}), for messages
 */
public record ToolBinding(String tool, List<String> parameters, String source) {
}
