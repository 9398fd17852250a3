package dev.veto.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.veto.engine.Action;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasesFileTest {

    @TempDir
    Path dir;

    private String write(String yaml) throws Exception {
        Path file = dir.resolve("cases.yaml");
        Files.writeString(file, yaml);
        return file.toString();
    }

    @Test
    void readsCasesWithExactNumbersAndTheirLines() throws Exception {
        String file = write("""
                cases:
                  - name: just over the limit
                    tool: issue_refund
                    arguments: {amount: 200.000000000000000001, order: 7}
                    context: {role: support_l1}
                    expect: require_approval
                    rule: refund-limits
                  - tool: lookup_order
                    expect: allow
                    times: 3
                """);
        List<PolicyCase> cases = CasesFile.read(file);
        PolicyCase first = cases.get(0);
        assertEquals("just over the limit", first.name());
        assertEquals(file + ":2", first.where());
        assertEquals(Map.of("amount", new BigDecimal("200.000000000000000001"), "order", BigInteger.valueOf(7)), first.arguments());
        assertEquals(Action.APPROVAL_REQUIRED, first.expect());
        assertEquals("refund-limits", first.rule());
        PolicyCase second = cases.get(1);
        assertEquals("case 2", second.name());
        assertEquals(Map.of(), second.context());
        assertEquals(3, second.times());
    }

    @Test
    void aMistypedKeyIsRefusedAtItsPlace() throws Exception {
        String file = write("""
                cases:
                  - tool: lookup_order
                    expcet: allow
                """);
        UsageException e = assertThrows(UsageException.class, () -> CasesFile.read(file));
        assertEquals(file + ":3:5: unknown key 'expcet'; a case has arguments, context, expect, name, rule, times, tool",
                e.getMessage());
        assertFalse(e.aboutFlags());
    }

    @Test
    void anUnknownActionIsRefused() throws Exception {
        String file = write("""
                cases:
                  - tool: lookup_order
                    expect: permit
                """);
        assertEquals(file + ":2:5: 'expect:' must be allow, deny or require_approval, got permit",
                assertThrows(UsageException.class, () -> CasesFile.read(file)).getMessage());
    }

    @Test
    void aFileWithoutCasesIsRefused() throws Exception {
        String file = write("tests: []\n");
        assertEquals(file + ":1:1: unknown key 'tests'; expected 'cases:'",
                assertThrows(UsageException.class, () -> CasesFile.read(file)).getMessage());
    }

    @Test
    void aRepeatedKeyIsRefusedAtItsPlaceRatherThanDroppingWhatCameFirst() throws Exception {
        String file = write("""
                cases:
                  - name: a big refund is denied
                    tool: issue_refund
                    arguments: {amount: 5000}
                    expect: allow
                cases:
                  - tool: issue_refund
                    arguments: {amount: 5, amount: 50000}
                    expect: allow
                """);
        assertEquals(file + ":6:1: key 'cases' appears twice; expected each key once",
                assertThrows(UsageException.class, () -> CasesFile.read(file)).getMessage());
        String inArguments = write("""
                cases:
                  - tool: issue_refund
                    arguments: {amount: 5, amount: 50000}
                    expect: allow
                """);
        assertEquals(inArguments + ":3:28: key 'amount' appears twice; expected each key once",
                assertThrows(UsageException.class, () -> CasesFile.read(inArguments)).getMessage());
    }

    @Test
    void aValueThatContainsItselfIsRefusedNotAStackOverflow() throws Exception {
        String file = write("""
                cases:
                  - tool: issue_refund
                    arguments: &a {amount: 5, self: *a}
                    expect: allow
                """);
        assertEquals(file + ":3:16: a value contains itself through an alias; expected plain values",
                assertThrows(UsageException.class, () -> CasesFile.read(file)).getMessage());
    }
}
