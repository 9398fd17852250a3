package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar veto-agent.jar test POLICY CASES.yaml}, on the built jar (not named Test*IT: surefire would take it for a unit test). */
class PolicyCasesIT {

    @TempDir
    Path dir;

    @Test
    void theShippedCasesOfTheSeedPolicyPass() throws Exception {
        VetoJar.Result result = VetoJar.run("test", VetoJar.SEED.toString(), VetoJar.SEED_CASES.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains(" passed, 0 failed"), result::toString);
        assertTrue(result.out().contains("PASS  the 21st refund in an hour is over the rate limit  (deny by refund-limits)"),
                result::toString);
    }

    @Test
    void aFailingCaseIsReportedWithItsLineAndExit1() throws Exception {
        Path cases = dir.resolve("cases.yaml");
        Files.writeString(cases, """
                cases:
                  - name: lookups are fine
                    tool: lookup_order
                    expect: allow
                  - name: someone thinks L1 may refund $500
                    tool: issue_refund
                    arguments: {amount: 500}
                    context: {role: support_l1, userId: ann}
                    expect: allow
                """);
        VetoJar.Result result = VetoJar.run("test", VetoJar.SEED.toString(), cases.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("PASS  lookups are fine  (allow by lookup-orders)"), result::toString);
        assertTrue(result.out().contains("FAIL  someone thinks L1 may refund $500  " + cases + ":5: expected allow, got "
                + "require_approval by refund-limits (Refunds above 200 need a supervisor's approval for L1 support)"), result::toString);
        assertTrue(result.out().contains("2 cases: 1 passed, 1 failed"), result::toString);
    }

    @Test
    void theRuleThatMustDecideIsChecked() throws Exception {
        Path cases = dir.resolve("cases.yaml");
        Files.writeString(cases, """
                cases:
                  - tool: drop_table
                    arguments: {table: t}
                    expect: deny
                    rule: never-delete-database
                """);
        VetoJar.Result result = VetoJar.run("test", VetoJar.SEED.toString(), cases.toString());
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("expected deny by never-delete-database, got deny by never-drop-tables"), result::toString);
    }

    @Test
    void coverageListsTheRulesNoCaseExercised() throws Exception {
        Path cases = dir.resolve("cases.yaml");
        Files.writeString(cases, """
                cases:
                  - tool: lookup_order
                    expect: allow
                """);
        VetoJar.Result result = VetoJar.run("test", VetoJar.SEED.toString(), cases.toString(), "--coverage");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("coverage: 1 of 8 rules decided a case"), result::toString);
        assertTrue(result.out().contains("  not exercised: refund-limits"), result::toString);
        assertTrue(result.out().contains("  not exercised: never-drop-tables"), result::toString);
    }

    @Test
    void theShippedCasesCoverEveryRule() throws Exception {
        VetoJar.Result result = VetoJar.run("test", VetoJar.SEED.toString(), VetoJar.SEED_CASES.toString(), "--coverage");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("coverage: 8 of 8 rules decided a case"), result::toString);
    }

    @Test
    void aMistypedCasesFileIsExit2AtItsPlace() throws Exception {
        Path cases = dir.resolve("cases.yaml");
        Files.writeString(cases, "cases:\n  - tool: lookup_order\n    expect: alow\n");
        VetoJar.Result result = VetoJar.run("test", VetoJar.SEED.toString(), cases.toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(cases + ":2:5: 'expect:' must be allow, deny or require_approval, got alow", result.err().strip());
    }
}
