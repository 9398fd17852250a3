package dev.veto.agent.cli;

/** The CLI's exit codes; stable, so scripts and CI can rely on them. */
final class ExitCode {

    /** Done: the policy is valid, the cases passed, the chain holds, every tool is covered. */
    static final int OK = 0;
    /** The command ran and found a problem: a failing case, a broken chain, an uncovered tool. */
    static final int FAILED = 1;
    /** Bad input: unknown command or flag, bad JSON, a policy that does not load, a missing file. */
    static final int USAGE = 2;

    private ExitCode() {
    }
}
