package dev.veto.agent.cli;

import java.util.List;

/**
 * One tool method {@code scan} found.
 *
 * @param tool    the tool's name in the policy
 * @param method  {@code com.acme.Tools#refund(java.lang.String, java.math.BigDecimal)}
 * @param foundBy what makes it a tool: {@code @dev.veto.Tool}, {@code @dev.langchain4j.agent.tool.Tool},
 *                {@code instrument: ...}
 * @param rules   the ids of the rules whose {@code tool:} matches it; empty when only default_action governs it
 */
record ScannedTool(String tool, String method, String foundBy, List<String> rules) {

    boolean hasOwnRule() {
        return !rules.isEmpty();
    }
}
