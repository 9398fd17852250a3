package dev.veto.agent.cli;

import dev.veto.engine.Decision;
import dev.veto.engine.Veto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code eval}: what the policy decides for one call ({@code --tool --args [--context]}) or for every line
 * of a JSON Lines file ({@code --calls}), each as one JSON line. A file shares one engine, so rate limits
 * and budgets count across its lines.
 */
final class EvalCommand implements Command {

    private static final Set<String> CALL_KEYS = Set.of("tool", "arguments", "context");

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String summary() {
        return "decide a call (--tool --args [--context]) or a file of calls (--calls), one JSON line each";
    }

    @Override
    public Set<String> options() {
        return Set.of("policy", "tool", "args", "context", "calls");
    }

    @Override
    public String help() {
        return """
                usage: java -jar veto-agent.jar eval --policy POLICY --tool NAME --args JSON [--context JSON]
                       java -jar veto-agent.jar eval --policy POLICY --calls FILE.jsonl

                Prints one JSON line per call: tool, action (allow | deny | require_approval), reason, rule,
                condition (where in the policy the decision came from) and an explanation.
                --calls reads one call per line, {"tool":"...","arguments":{...},"context":{...}}, runs them all
                through one engine (rate limits and budgets count across lines) and prints one line per call in
                the same order; blank lines are skipped. Numbers keep their exact written value.
                Exit codes: 0 decided (whatever the decision); 2 bad flags, JSON or policy.
                Example: java -jar veto-agent.jar eval --policy policies/support-agent.yaml \\
                           --tool issue_refund --args '{"amount": 500}' --context '{"role": "support_l1"}'
                """;
    }

    @Override
    public int run(Arguments arguments, Console console) throws UsageException {
        String policy = arguments.required("policy");
        if (!arguments.positionals().isEmpty()) {
            throw new UsageException("unexpected " + String.join(" ", arguments.positionals())
                    + "; pass the call with --tool and --args, or a file with --calls");
        }
        List<Call> calls = arguments.option("calls") != null ? callsFile(arguments) : List.of(singleCall(arguments));
        try (Veto veto = PolicyFile.load(policy)) {
            for (Call call : calls) {
                Decision decision = veto.protect(call.tool(), call.arguments(), call.context());
                console.out().println(CliJson.write(DecisionJson.of(decision)));
            }
        }
        return ExitCode.OK;
    }

    /** One call to decide. */
    record Call(String tool, Map<String, Object> arguments, Map<String, Object> context) {
    }

    static Call singleCall(Arguments arguments) throws UsageException {
        String tool = arguments.required("tool");
        String args = arguments.required("args");
        String context = arguments.option("context");
        return new Call(tool, CliJson.object(args, "--args"),
                context == null ? Map.of() : CliJson.object(context, "--context"));
    }

    private static List<Call> callsFile(Arguments arguments) throws UsageException {
        for (String single : List.of("tool", "args", "context")) {
            if (arguments.option(single) != null) {
                throw new UsageException("--calls and --" + single + " do not go together: a calls file names each call's tool, arguments and context");
            }
        }
        String file = arguments.option("calls");
        Path path = InputFile.existing(file, "calls");
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read (" + e.getMessage() + ")");
        }
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                calls.add(call(CliJson.object(lines.get(i), file + ":" + (i + 1)), file + ":" + (i + 1)));
            }
        }
        return calls;
    }

    /** Reads {@code {"tool":..,"arguments":{..},"context":{..}}}, refusing anything else. */
    @SuppressWarnings("unchecked")
    private static Call call(Map<String, Object> line, String where) throws UsageException {
        for (String key : line.keySet()) {
            if (!CALL_KEYS.contains(key)) {
                throw UsageException.inContent(where + ": unknown key \"" + key + "\"; a call has tool, arguments and context");
            }
        }
        if (!(line.get("tool") instanceof String tool) || tool.isEmpty()) {
            throw UsageException.inContent(where + ": \"tool\" must be the tool's name as a string");
        }
        Object args = line.getOrDefault("arguments", Map.of());
        Object context = line.getOrDefault("context", Map.of());
        if (!(args instanceof Map) || !(context instanceof Map)) {
            throw UsageException.inContent(where + ": \"arguments\" and \"context\" must be JSON objects");
        }
        return new Call(tool, (Map<String, Object>) args, (Map<String, Object>) context);
    }
}
