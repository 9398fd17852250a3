package dev.veto.agent.cli;

import dev.veto.engine.log.ChainVerification;
import dev.veto.engine.log.DecisionLogVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code audit verify LOG.jsonl}: does the decision log's hash chain hold from its first line to its last? */
final class AuditCommand implements Command {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String summary() {
        return "verify LOG.jsonl: check the decision log's hash chain (exit 1 naming the first bad line)";
    }

    @Override
    public String help() {
        return """
                usage: java -jar veto-agent.jar audit verify LOG.jsonl

                Each decision log line carries the SHA-256 of the line before it and of its own content, so an
                edited, deleted, inserted or reordered line breaks the chain from there on.
                Exit codes: 0 the chain holds (the number of lines is printed, with the chain's last hash: keep
                it elsewhere to notice lines cut off the end later); 1 it breaks (the first bad line is named);
                2 bad arguments or an unreadable file.
                Example: java -jar veto-agent.jar audit verify /var/log/veto/decisions.jsonl
                """;
    }

    @Override
    public int run(Arguments arguments, Console console) throws UsageException {
        List<String> words = arguments.positionals(2, "verify LOG.jsonl");
        if (!words.get(0).equals("verify")) {
            throw new UsageException("unknown audit command '" + words.get(0) + "'; the one there is: audit verify LOG.jsonl");
        }
        Path log = InputFile.existing(words.get(1), "log");
        ChainVerification result;
        try {
            result = DecisionLogVerifier.verify(log);
        } catch (IOException e) {
            throw new UsageException(log + ": cannot read (" + e.getMessage() + ")");
        }
        if (result.ok()) {
            console.out().println(log + ": " + result.message() + " (last hash " + result.lastHash() + ")");
            return ExitCode.OK;
        }
        console.out().println(log + ":" + result.firstBadLine() + ": chain broken: " + result.message()
                + "; the " + result.linesChecked() + " lines before it are intact");
        return ExitCode.FAILED;
    }
}
