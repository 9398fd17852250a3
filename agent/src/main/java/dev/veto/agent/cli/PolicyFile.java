package dev.veto.agent.cli;

import dev.veto.engine.Veto;
import dev.veto.engine.policy.PolicyException;
import dev.veto.engine.policy.PolicyProblem;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Loads the policy a command names; a policy that does not load is bad input (exit 2). */
final class PolicyFile {

    private PolicyFile() {
    }

    static Veto load(String file) throws UsageException {
        Path path = InputFile.existing(file, "policy");
        try {
            return Veto.fromPolicy(path);
        } catch (PolicyException e) {
            throw UsageException.inContent(e.problems().stream().map(PolicyProblem::toString)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
    }
}
