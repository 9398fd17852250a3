package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.veto.engine.match.Operators;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy JSON Schema shipped in the jar accepts the seed policy and refuses mistyped ones. */
class PolicySchemaTest {

    private static final Path SEED = Path.of("..", "policies", "support-agent.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema() throws Exception {
        try (InputStream in = PolicySchemaTest.class.getResourceAsStream(SchemaCommand.RESOURCE)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<String> problems(String policyYaml) throws Exception {
        JsonNode policy = YAML.readTree(policyYaml);
        return schema().validate(policy).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    @Test
    void theSeedPolicyValidates() throws Exception {
        assertEquals(Set.of(), problems(Files.readString(SEED)));
    }

    @Test
    void theJarCarriesTheRepositorysSchemaFile() throws Exception {
        try (InputStream in = PolicySchemaTest.class.getResourceAsStream(SchemaCommand.RESOURCE)) {
            assertEquals(Files.readString(Path.of("..", "schema", "veto-policy.schema.json")), new String(in.readAllBytes(), "UTF-8"));
        }
    }

    @Test
    void aPolicyUsingEveryKindOfKeyValidatesAndTheEngineLoadsItToo() throws Exception {
        String policy = """
                name: everything
                project: schema-test
                mode: shadow
                default_action: deny
                redact: [arguments.card_number]
                rules:
                  - id: sql
                    tool: execute_sql
                    reason: read-only
                    constraints:
                      rate_limit: {limit: 10/minute, per: context.userId}
                      budget: {sum: arguments.rows, limit: 1000/day}
                    conditions:
                      - match:
                          arguments.query: {sql: {allow: [SELECT], max_statements: 1}}
                          any:
                            - context.role: [analyst, admin]
                            - not: {context.tenant: {exists: false}}
                        action: allow
                      - match: {arguments.query: {regex: "(?i).*drop.*"}}
                        action: require_approval
                        approval: {channel: dba, timeout: 30s, escalation: deny}
                  - tool: "fetch_*"
                    conditions:
                      - match:
                          arguments.url: {host_in: [api.example.com], scheme_in: [https], port_in: [443], ip_private: false}
                          arguments.amount: {min: 0.01, max: 200, multiple_of: 0.01}
                          arguments.subject: {charset: single_line, max_length: 200}
                          arguments.to: {email_domain_not_in: [acme.example]}
                          arguments.file: {path_within: {roots: [reports], base: /srv/app}}
                        action: allow
                instrument:
                  - class: com.acme.LegacyDb
                    method: drop
                    parameter_types: [java.lang.String]
                    tool: drop_table
                    parameters: [table]
                """;
        assertEquals(Set.of(), problems(policy));
        dev.veto.engine.Veto.fromString(policy).close();
    }

    @Test
    void theSchemaKnowsEveryOperatorTheEngineRegisters() throws Exception {
        JsonNode operators;
        try (InputStream in = PolicySchemaTest.class.getResourceAsStream(SchemaCommand.RESOURCE)) {
            operators = new ObjectMapper().readTree(in).at("/$defs/operators/properties");
        }
        Set<String> inSchema = new java.util.TreeSet<>();
        operators.fieldNames().forEachRemaining(inSchema::add);
        Set<String> combinators = Set.of("any", "all", "not");
        Set<String> inEngine = new java.util.TreeSet<>(Operators.standard().names());
        assertEquals(inEngine, inSchema.stream().filter(name -> !combinators.contains(name))
                .collect(Collectors.toCollection(java.util.TreeSet::new)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "'    action: allow'                      | '    acton: allow'                      | acton",
        "'default_action: deny'                   | 'default_action: permit'               | default_action",
        "'      rate_limit: 20/hour'              | '      rate_limit: 20 per hour'         | rate_limit",
        "'            max_length: 5000'           | '            max_len: 5000'             | max_len",
        "'          timeout: 5m'                  | '          timeout: five minutes'       | timeout",
        "'          escalation: deny'             | '          escalation: maybe'           | escalation",
        "'mode: enforce'                          | 'mode: enforcing'                      | mode",
    })
    void aMistypedSeedPolicyDoesNot(String original, String mistyped, String named) throws Exception {
        String seed = Files.readString(SEED);
        assertTrue(seed.contains(original + "\n"), "the seed still has the line " + original);
        Set<String> problems = problems(seed.replaceFirst(java.util.regex.Pattern.quote(original + "\n"), mistyped + "\n"));
        assertTrue(problems.stream().anyMatch(message -> message.contains(named)),
                "expected a problem naming " + named + ", got " + problems);
    }
}
