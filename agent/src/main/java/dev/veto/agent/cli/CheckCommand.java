package dev.veto.agent.cli;

import dev.veto.engine.Veto;

/** {@code check POLICY}: does the policy load? Exit 0 when it does, 2 with {@code file:line:col: ...} when not. */
final class CheckCommand implements Command {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "validate a policy file (exit 0 valid; exit 2 and file:line:col: message when not)";
    }

    @Override
    public String help() {
        return """
                usage: java -jar veto-agent.jar check POLICY

                Loads POLICY as the agent would and reports every problem as POLICY:line:col: message on stderr.
                Exit codes: 0 the policy is valid; 2 it is not (or the file is missing).
                Example: java -jar veto-agent.jar check policies/support-agent.yaml
                """;
    }

    @Override
    public int run(Arguments arguments, Console console) throws UsageException {
        String file = arguments.positionals(1, "one POLICY file").get(0);
        try (Veto ignored = PolicyFile.load(file)) {
            console.out().println(file + ": valid");
        }
        return ExitCode.OK;
    }
}
