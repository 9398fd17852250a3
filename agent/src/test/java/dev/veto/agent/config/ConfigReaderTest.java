package dev.veto.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void readsEveryKeyFromTheAgentArguments() {
        AgentConfig config = ConfigReader.read(
                "policy=/etc/veto/policy.yaml,mode=shadow,log=/var/log/veto.jsonl,reload=false,verbose=true,"
                        + "context.environment=prod,context.region=eu",
                new Properties(), Map.of());

        assertTrue(config.valid(), config.problems()::toString);
        assertEquals(Path.of("/etc/veto/policy.yaml"), config.policy());
        assertEquals("shadow", config.mode());
        assertEquals(Path.of("/var/log/veto.jsonl"), config.log());
        assertFalse(config.reload());
        assertTrue(config.verbose());
        assertEquals(Map.of("environment", "prod", "region", "eu"), config.context());
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        AgentConfig config = ConfigReader.read(null, new Properties(), Map.of());

        assertTrue(config.valid());
        assertNull(config.policy());
        assertNull(config.mode());
        assertTrue(config.reload());
        assertFalse(config.verbose());
        assertEquals(Map.of(), config.context());
    }

    @Test
    void agentArgumentsBeatSystemPropertiesBeatEnvironment() {
        AgentConfig config = ConfigReader.read("policy=/from/args.yaml",
                properties("veto.policy", "/from/property.yaml", "veto.mode", "shadow", "veto.context.tier", "gold"),
                Map.of("VETO_POLICY", "/from/env.yaml", "VETO_MODE", "enforce", "VETO_LOG", "/from/env.jsonl",
                        "VETO_CONTEXT_TIER", "silver", "VETO_CONTEXT_TENANT_ID", "t-1"));

        assertTrue(config.valid(), config.problems()::toString);
        assertEquals(Path.of("/from/args.yaml"), config.policy());
        assertEquals("shadow", config.mode());
        assertEquals(Path.of("/from/env.jsonl"), config.log());
        assertEquals(Map.of("tier", "gold", "tenant_id", "t-1"), config.context());
    }

    @Test
    void environmentVariablesMapBackToKeysWithUnderscores() {
        AgentConfig config = ConfigReader.read(null, new Properties(),
                Map.of("VETO_APPROVAL_HTTP_PUBLIC_URL", "https://veto.example/", "VETO_APPROVAL_CHANNELS_SUPERVISORS", "console",
                        "HOME", "/root"));

        assertTrue(config.valid(), config.problems()::toString);
        assertEquals(Map.of("approval.http.public_url", "https://veto.example/", "approval.channels.supervisors", "console"),
                config.approval());
    }

    @Test
    void aListValueContinuesOverCommas() {
        AgentConfig config = ConfigReader.read("approval.channels.finance=console,http,mode=shadow", new Properties(), Map.of());

        assertTrue(config.valid(), config.problems()::toString);
        assertEquals("console,http", config.approval().get("approval.channels.finance"));
        assertEquals("shadow", config.mode());
    }

    /**
     * A policy path reads a dot as going one level deeper, so context.tenant.id looks for 'id' under 'tenant' and
     * never finds a static context named 'tenant.id': such a name was accepted, and every rule that read it
     * denied with "context.tenant.id is missing", with nothing pointing at the configuration.
     */
    @Test
    void aContextNameNoPolicyPathCanReachIsReported() {
        AgentConfig config = ConfigReader.read("policy=/p.yaml,context.tenant.id=t-1",
                properties("veto.context.items[0]", "x"), Map.of());

        assertEquals(List.of(
                "system property veto.context.items[0]: expected a context name without '.', '[' or ']', which a policy"
                        + " path reads as going deeper (context.a.b is 'b' under 'a'); for example context.items_0",
                "-javaagent argument 'context.tenant.id=t-1': expected a context name without '.', '[' or ']', which a policy"
                        + " path reads as going deeper (context.a.b is 'b' under 'a'); for example context.tenant_id"),
                config.problems());
    }

    @Test
    void everyBadKeyOrValueIsReportedWithWhereItCameFrom() {
        AgentConfig config = ConfigReader.read("mdoe=shadow,mode=audit,context.=x",
                properties("veto.verbose", "yes"), Map.of("VETO_POLCY", "/p.yaml"));

        assertFalse(config.valid());
        assertEquals(List.of(
                "environment variable VETO_POLCY: unknown key; known keys: " + ConfigKeys.KNOWN,
                "system property veto.verbose: expected 'true' or 'false'",
                "-javaagent argument 'mdoe=shadow': unknown key; known keys: " + ConfigKeys.KNOWN,
                "-javaagent argument 'mode=audit': expected 'enforce' or 'shadow'",
                "-javaagent argument 'context.=x': expected a context name after 'context.', for example context.environment=prod"),
                config.problems());
        assertNull(config.mode(), "a bad value is not used");
    }

    @Test
    void aPieceWithoutEqualsAtTheStartAndARepeatedKeyAreErrors() {
        AgentConfig config = ConfigReader.read("shadow,policy=/a.yaml,policy=/b.yaml", new Properties(), Map.of());

        assertEquals(List.of(
                "-javaagent argument 'shadow': expected key=value, for example policy=/etc/veto/policy.yaml",
                "-javaagent argument 'policy=/b.yaml': 'policy' is also set by -javaagent argument 'policy=/a.yaml'; give each key once"),
                config.problems());
    }

    @Test
    void theEnginesOwnTuningPropertyIsNotAnAgentKey() {
        // ARCHITECTURE.md documents -Dveto.decisionDiagrams=background|now|off, read by the engine itself;
        // it must not turn the agent's configuration invalid (which denies every governed call).
        AgentConfig config = ConfigReader.read("policy=/p.yaml",
                properties("veto.decisionDiagrams", "off"), Map.of());

        assertTrue(config.valid(), config.problems()::toString);
        assertEquals(Path.of("/p.yaml"), config.policy());
    }

    @Test
    void aStrayCommaAddsNothingToAValue() {
        // A trailing or doubled comma used to become part of the value: log=/var/log/veto.jsonl, wrote the
        // decision log to a file named "veto.jsonl," and context.environment=prod, made the context "prod,".
        AgentConfig config = ConfigReader.read("policy=/p.yaml,,log=/var/log/veto.jsonl,,context.environment=prod,",
                new Properties(), Map.of());

        assertTrue(config.valid(), config.problems()::toString);
        assertEquals(Path.of("/p.yaml"), config.policy());
        assertEquals(Path.of("/var/log/veto.jsonl"), config.log());
        assertEquals(Map.of("environment", "prod"), config.context());
    }

    @Test
    void aSecretIsNeverQuotedInAProblem() {
        // Problems go to stderr and from there to log files: the reviewer API's bearer token and the webhook URL
        // (Slack hooks carry their secret in the path) must not be quoted in them.
        AgentConfig config = ConfigReader.read("approval.http.token=s3cret-1,approval.http.token=s3cret-2,"
                + "approval.webhook.url=https://hooks.example/T0/B0/s3cret-3,approval.webhook.url=https://hooks.example/s3cret-4",
                new Properties(), Map.of());

        assertEquals(List.of(
                "-javaagent argument 'approval.http.token=***': 'approval.http.token' is also set by -javaagent argument 'approval.http.token=***'; give each key once",
                "-javaagent argument 'approval.webhook.url=***': 'approval.webhook.url' is also set by -javaagent argument 'approval.webhook.url=***'; give each key once"),
                config.problems());
        assertEquals("s3cret-2", config.approval().get("approval.http.token"), "the value itself is kept");
    }
}
