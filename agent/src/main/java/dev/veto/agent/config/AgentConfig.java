package dev.veto.agent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's configuration after merging its three sources (agent arguments beat {@code -Dveto.*} system
 * properties beat {@code VETO_*} environment variables) and checking every key.
 *
 * @param policy        the policy file, or null when none was given
 * @param mode          {@code enforce} or {@code shadow} to override the policy's own mode, or null
 * @param log           where the decision log is written, or null for the engine's default
 * @param reload        whether a changed policy file is reloaded while the application runs
 * @param verbose       whether every woven method is reported on stderr at start-up
 * @param context       static context ({@code context.<name>=<value>}), the lowest layer of every call's context
 * @param approval      the raw {@code approval.*} keys, checked and used by the approval channels
 * @param approvalOrigins where each {@code approval.*} key came from ({@link ConfigSetting#origin()}), so that a
 *                      problem the approval channels find names the place to fix, as the agent's own keys do
 * @param problems      every bad key or value found; when not empty the agent denies every governed call
 */
public record AgentConfig(
        Path policy,
        String mode,
        Path log,
        boolean reload,
        boolean verbose,
        Map<String, String> context,
        Map<String, String> approval,
        List<String> problems,
        Map<String, String> approvalOrigins) {

    public AgentConfig {
        context = Map.copyOf(context);
        approval = Map.copyOf(approval);
        approvalOrigins = Map.copyOf(approvalOrigins);
        problems = List.copyOf(problems);
    }

    /** True when every key and value was understood. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** A copy with more problems, found by a later check (the approval settings, the policy). */
    public AgentConfig withProblems(List<String> more) {
        List<String> all = new ArrayList<>(problems);
        all.addAll(more);
        return new AgentConfig(policy, mode, log, reload, verbose, context, approval, all, approvalOrigins);
    }
}
