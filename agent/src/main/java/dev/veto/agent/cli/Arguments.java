package dev.veto.agent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} or {@code --name=value} options, {@code --name} switches,
 * and positional words. A flag the command does not know, or an option without its value, is a
 * {@link UsageException}, never silently ignored.
 */
final class Arguments {

    private final String command;
    private final Map<String, String> options;
    private final Set<String> switches;
    private final List<String> positionals;

    private Arguments(String command, Map<String, String> options, Set<String> switches, List<String> positionals) {
        this.command = command;
        this.options = options;
        this.switches = switches;
        this.positionals = positionals;
    }

    /**
     * @param command        the command's name, for messages
     * @param raw            the words after the command's name
     * @param optionNames    flags that take a value ({@code --policy})
     * @param switchNames    flags that take none ({@code --coverage}); {@code --help} is always known
     */
    static Arguments parse(String command, List<String> raw, Set<String> optionNames, Set<String> switchNames)
            throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> switches = new java.util.LinkedHashSet<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String word = raw.get(i);
            if (word.equals("--")) {
                positionals.addAll(raw.subList(i + 1, raw.size()));
                break;
            }
            if (!word.startsWith("--") || word.length() == 2) {
                positionals.add(word);
                continue;
            }
            int equals = word.indexOf('=');
            String name = equals > 0 ? word.substring(2, equals) : word.substring(2);
            if (name.equals("help") || switchNames.contains(name)) {
                if (equals > 0) {
                    throw new UsageException("--" + name + " takes no value");
                }
                switches.add(name);
            } else if (optionNames.contains(name)) {
                String value;
                if (equals > 0) {
                    value = word.substring(equals + 1);
                } else if (i + 1 < raw.size()) {
                    value = raw.get(++i);
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
                if (options.putIfAbsent(name, value) != null) {
                    throw new UsageException("--" + name + " is given twice");
                }
            } else {
                throw new UsageException("unknown flag --" + name + known(optionNames, switchNames));
            }
        }
        return new Arguments(command, options, switches, positionals);
    }

    private static String known(Set<String> optionNames, Set<String> switchNames) {
        List<String> names = new ArrayList<>();
        optionNames.forEach(name -> names.add("--" + name));
        switchNames.forEach(name -> names.add("--" + name));
        names.add("--help");
        return "; this command knows " + String.join(", ", names);
    }

    String command() {
        return command;
    }

    boolean has(String switchName) {
        return switches.contains(switchName);
    }

    String option(String name) {
        return options.get(name);
    }

    String required(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    List<String> positionals() {
        return positionals;
    }

    /** Exactly {@code count} positional words, named in the message when they are missing. */
    List<String> positionals(int count, String names) throws UsageException {
        if (positionals.size() != count) {
            throw new UsageException("expected " + names + ", got " + (positionals.isEmpty()
                    ? "nothing" : String.join(" ", positionals)));
        }
        return positionals;
    }
}
