package dev.veto.agent.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar veto-agent.jar <command> ...}: the policy tooling that ships in the agent jar.
 * Exit codes: 0 done, 1 the command found a problem, 2 bad input (see {@link ExitCode}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The engine logs through SLF4J; a CLI run has no provider, and SLF4J's note about that is noise here.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Console console = new Console(out, err);
        Map<String, Command> commands = commands();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(overview(commands));
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("veto: unknown command '" + args[0] + "'; the commands are " + String.join(", ", commands.keySet())
                    + ". Run 'java -jar veto-agent.jar --help'.");
            return ExitCode.USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.help());
            return ExitCode.OK;
        }
        try {
            return command.run(Arguments.parse(command.name(), rest, command.options(), command.switches()), console);
        } catch (UsageException e) {
            err.println(e.getMessage());
            if (e.aboutFlags()) {
                err.println("Run 'java -jar veto-agent.jar " + command.name() + " --help' for usage.");
            }
            return ExitCode.USAGE;
        }
    }

    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Command command : List.of(new CheckCommand(), new EvalCommand(), new ExplainCommand(),
                new TestCommand(), new ScanCommand(), new AuditCommand(), new SchemaCommand())) {
            commands.put(command.name(), command);
        }
        return commands;
    }

    private static String overview(Map<String, Command> commands) {
        StringBuilder text = new StringBuilder("""
                Veto for the JVM: the agent jar's policy tooling.

                usage: java -jar veto-agent.jar <command> [flags]

                commands:
                """);
        commands.values().forEach(command -> text.append(String.format("  %-8s %s%n", command.name(), command.summary())));
        text.append("""

                Run 'java -jar veto-agent.jar <command> --help' for a command's flags.
                Exit codes: 0 done, 1 the command found a problem, 2 bad input (flags, JSON, policy).
                As a -javaagent: java -javaagent:veto-agent.jar=policy=policy.yaml -jar your-app.jar
                """);
        return text.toString();
    }
}
