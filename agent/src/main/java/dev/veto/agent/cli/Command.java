package dev.veto.agent.cli;

import java.util.Set;

/** One CLI command, such as {@code check} or {@code eval}. */
interface Command {

    /** The word that selects it: {@code java -jar veto-agent.jar <name> ...}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** The full {@code --help} text: synopsis, flags, exit codes, an example. */
    String help();

    /** Flags that take a value ({@code --policy P}), without the dashes; any flag not listed is refused. */
    default Set<String> options() {
        return Set.of();
    }

    /** Flags that take none ({@code --coverage}); {@code --help} is always known. */
    default Set<String> switches() {
        return Set.of();
    }

    /** Runs the command; returns the exit code. Bad input is a {@link UsageException} (exit 2). */
    int run(Arguments arguments, Console console) throws UsageException;
}
