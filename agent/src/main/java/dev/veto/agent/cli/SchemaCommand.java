package dev.veto.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code schema}: prints the policy file's JSON Schema that ships in the jar, for editors and CI. */
final class SchemaCommand implements Command {

    /** Where the schema sits in the jar; the same file is {@code schema/veto-policy.schema.json} in the repository. */
    static final String RESOURCE = "/dev/veto/schema/veto-policy.schema.json";

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public String summary() {
        return "print the policy file's JSON Schema (draft 2020-12) for editors and CI";
    }

    @Override
    public String help() {
        return """
                usage: java -jar veto-agent.jar schema > veto-policy.schema.json

                Prints the JSON Schema of policy files. Point your editor at it, e.g. with this first line in
                a policy: # yaml-language-server: $schema=./veto-policy.schema.json
                Exit code: 0.
                """;
    }

    @Override
    public int run(Arguments arguments, Console console) throws UsageException {
        arguments.positionals(0, "no arguments");
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE + "; rebuild it with mvn package");
            }
            console.out().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        return ExitCode.OK;
    }
}
