package dev.veto.engine.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that cannot be loaded, with every problem found at its place. Such a policy never allows. */
public final class PolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<PolicyProblem> problems;

    public PolicyException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public PolicyException(PolicyProblem problem) {
        this(List.of(problem));
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
