package dev.veto.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.engine.Action;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a valid policy loads into: the seed verbatim, defaults, and the instrument: section the agent reads. */
class PolicyLoaderTest {

    static final Path SEED = Path.of("..", "policies", "support-agent.yaml");

    @Test
    void theSeedLoadsVerbatim() throws Exception {
        Policy policy = PolicyLoader.standard().load(SEED);
        assertEquals("support-agent", policy.name());
        assertEquals("acme-support", policy.project());
        assertEquals(Mode.ENFORCE, policy.mode());
        assertEquals(Action.DENY, policy.defaultAction());
        assertEquals(List.of("arguments.card_number", "context.session_token"), policy.redact());
        assertEquals(List.of("refund-limits", "refund-positive", "lookup-orders", "email-customers", "read-only-sql",
                "no-schema-changes", "never-delete-database", "never-drop-tables"),
                policy.rules().stream().map(Rule::id).toList());
        Rule refunds = policy.rules().get(0);
        assertEquals(new BigDecimal("20"), refunds.rateLimit().limit().amount());
        assertEquals(Duration.ofHours(1), refunds.rateLimit().limit().window());
        assertNull(refunds.rateLimit().per());
        assertEquals("arguments.amount", refunds.budget().sum().toString());
        assertEquals("context.userId", refunds.budget().per().toString());
        assertEquals(Duration.ofDays(1), refunds.budget().limit().window());
        Condition l1Held = refunds.conditions().get(1);
        assertEquals(Action.APPROVAL_REQUIRED, l1Held.action());
        assertEquals(new ApprovalSpec("supervisors", Duration.ofMinutes(5), false), l1Held.approval());
        assertTrue(policy.rules().get(7).tool().isGlob());
        assertEquals(PolicyLoader.contentHash(Files.readString(SEED)), policy.contentHash());
        assertEquals(64, policy.contentHash().length());
    }

    @Test
    void defaultsApplyWhereThePolicyIsSilent() throws Exception {
        Policy policy = PolicyLoader.standard().parse("rules:\n  - tool: x\n    action: require_approval\n", "<s>");
        assertEquals("policy", policy.name());
        assertEquals(Action.DENY, policy.defaultAction());
        assertEquals(Mode.ENFORCE, policy.mode());
        Rule rule = policy.rules().get(0);
        assertEquals("rules[0]", rule.id());
        assertEquals(ApprovalSpec.DEFAULT, rule.approval());
        assertEquals("default", rule.approval().channel());
        assertFalse(rule.approval().escalateToAllow());
    }

    @Test
    void instrumentEntriesAreExposedForTheAgent() throws Exception {
        Policy policy = PolicyLoader.standard().parse("""
                name: legacy
                instrument:
                  - class: com.acme.billing.RefundService
                    method: refund
                    parameter_types: [java.lang.String, java.math.BigDecimal]
                    tool: issue_refund
                    parameters: [order_id, amount]
                  - subtypes_of: com.acme.tools.AgentTool
                    class: "com.acme.*"
                    method: execute
                """, "<s>");
        InstrumentEntry first = policy.instrument().get(0);
        assertEquals(new InstrumentEntry("com.acme.billing.RefundService", null, "refund",
                List.of("java.lang.String", "java.math.BigDecimal"), "issue_refund", List.of("order_id", "amount"), 3), first);
        InstrumentEntry second = policy.instrument().get(1);
        assertEquals("com.acme.tools.AgentTool", second.subtypesOf());
        assertEquals("com.acme.*", second.classPattern());
        assertEquals("execute", second.tool(), "the tool is named after the method by default");
        assertNull(second.parameterTypes());
        assertNull(second.parameters());
        assertTrue("com.acme.x.Y".matches(ToolPattern.globToRegex(second.classPattern())));
    }

    @Test
    void aMisspeltKeyIsReportedOnceNotAlsoAsAMissingOne() {
        PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class, () ->
                PolicyLoader.standard().parse("rules:\n  - tool: x\n    acton: deny\n  - tool: y\n    conditions:\n"
                        + "      - match: {}\n        actoin: allow\n", "p.yaml"));
        assertEquals(List.of("p.yaml:3:5: unknown key 'acton'", "p.yaml:7:9: unknown key 'actoin'"),
                e.problems().stream().map(p -> p.toString().replaceAll("(unknown key '[a-z]+').*", "$1")).toList());
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class, () ->
                PolicyLoader.standard().parse("mode: loud\nrules:\n  - tool: x\n    action: nope\n", "p.yaml"));
        assertEquals(List.of("p.yaml:1:7", "p.yaml:4:13"),
                e.problems().stream().map(p -> p.source() + ":" + p.line() + ":" + p.column()).toList());
    }

    @Test
    void aPolicyLoadedAheadIsReturnedByTheNextLoadOfItsFileOnlyThenTheFileIsReadAgain(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "name: first\n");
        Policy ahead = PolicyLoader.standard().load(file);
        Files.writeString(file, "name: second\n"); // what a later load (a hot reload) must see
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "name: other\n");

        PolicyLoader loader = PolicyLoader.standard().withLoaded(file, ahead);
        assertEquals("other", loader.load(other).name());
        assertSame(ahead, loader.load(file));
        assertEquals("second", loader.load(file).name());
        assertEquals("second", loader.load(file).name());
    }

    /** The project's standard for a bad file is file:line:col; a byte that is not UTF-8 has a place too. */
    @Test
    void aFileThatIsNotUtf8IsRefusedAtTheBadByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "name: x\nrules:\n  - tool: caf\u00e9\n    action: deny\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        PolicyException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyException.class, () -> PolicyLoader.standard().load(file));
        assertEquals(file + ":3:14: the file is not UTF-8: byte 0xE9 cannot start or continue a character here,"
                + " expected a UTF-8 YAML file (save it as UTF-8)", e.problems().get(0).toString());
    }

    @Test
    void theInstrumentEntriesOfAPolicyThatDoesNotLoadAreStillRead(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                name: broken
                rules:
                  - {tool: execute_sql, acton: deny}
                instrument:
                  - {class: legacy.Db, method: execute, tool: execute_sql}
                  - {subtypes_of: legacy.Repository, method: deleteAll}
                  - {class: legacy.NoMethod}
                """);
        Path notYaml = dir.resolve("not-yaml.yaml");
        Files.writeString(notYaml, "rules: [\n");

        List<InstrumentEntry> entries = PolicyLoader.standard().instrumentEntriesOf(broken);

        assertEquals(List.of("legacy.Db#execute=execute_sql", "legacy.Repository#deleteAll=deleteAll"),
                entries.stream().map(e -> (e.classPattern() != null ? e.classPattern() : e.subtypesOf()) + "#"
                        + e.method() + "=" + (e.tool() != null ? e.tool() : e.method())).toList(),
                "an entry without a method selects nothing and is left out");
        assertEquals(List.of(), PolicyLoader.standard().instrumentEntriesOf(notYaml));
        assertEquals(List.of(), PolicyLoader.standard().instrumentEntriesOf(dir.resolve("missing.yaml")));
    }
}
