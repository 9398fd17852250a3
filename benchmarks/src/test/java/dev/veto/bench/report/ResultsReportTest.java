package dev.veto.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report states each target's verdict from the numbers, and never claims what was not measured. */
class ResultsReportTest {

    private static JmhResult avgt(String benchmark, Map<String, String> params, double score, double error) {
        return new JmhResult(benchmark, "avgt", 1, params, score, error, "ns/op", Map.of(), 100, 1);
    }

    private static JmhResult sample(String benchmark, Map<String, String> params, double p50) {
        return new JmhResult(benchmark, "sample", 1, params, p50 * 1.2, 5, "ns/op",
                Map.of("50.0", p50, "90.0", p50 * 2, "99.0", p50 * 5), 100, 1);
    }

    private static String targetRow(String report, String startsWith) {
        return report.lines().filter(l -> l.startsWith("| " + startsWith)).findFirst().orElseThrow(
                () -> new AssertionError("no row starting with " + startsWith + " in\n" + report));
    }

    @Test
    void verdictsFollowTheNumbers() {
        JmhResults jmh = new JmhResults(List.of(
                sample("GeneratedPolicyBenchmark.protect", Map.of("log", "off"), 620),
                avgt("WithAgentBenchmark.governedLookupOrder", Map.of(), 700, 20),
                avgt("WithoutAgentBenchmark.governedLookupOrder", Map.of(), 1.5, 0.1),
                avgt("WithAgentBenchmark.plainMethod", Map.of(), 1.6, 0.2),
                avgt("WithoutAgentBenchmark.plainMethod", Map.of(), 1.5, 0.2),
                avgt("PeersBenchmark.decide", Map.of("engine", "veto", "decision", "allow"), 300, 10),
                avgt("PeersBenchmark.decide", Map.of("engine", "cedar", "decision", "allow"), 30_000, 100),
                avgt("PeersBenchmark.decide", Map.of("engine", "jcasbin", "decision", "allow"), 200, 10)));
        String report = new ResultsReport(jmh, Optional.empty(), Map.of()).render();

        assertTrue(targetRow(report, "Engine `protect`").endsWith("| **missed** |"), report);
        assertTrue(targetRow(report, "≤ 1 µs added").contains("lookup_order +699 ± 20.0 ns"), report);
        assertTrue(targetRow(report, "≤ 1 µs added").endsWith("| met |"), report);
        assertTrue(targetRow(report, "Zero added").contains("met (no difference beyond the error bars)"), report);
        assertTrue(targetRow(report, "≤ 300 ms added start-up").contains(ResultsReport.NOT_MEASURED), report);
        String peers = targetRow(report, "Ahead of both peers");
        assertTrue(peers.contains("cedar 100×") && peers.contains("jcasbin 0.7×"), peers);
        assertTrue(peers.endsWith("| **missed** |"), peers);
    }

    @Test
    void aMedianWithinTheTargetIsMet() {
        JmhResults jmh = new JmhResults(List.of(sample("GeneratedPolicyBenchmark.protect", Map.of("log", "off"), 480)));
        String report = new ResultsReport(jmh, Optional.empty(), Map.of()).render();
        assertTrue(targetRow(report, "Engine `protect`").contains("median 480 ns"), report);
        assertTrue(targetRow(report, "Engine `protect`").endsWith("| met |"), report);
    }

    @Test
    void theGeneratedPolicysOutcomesAreStatedBesideItsMedian() {
        JmhResults jmh = new JmhResults(List.of(
                sample("GeneratedPolicyBenchmark.protect", Map.of("log", "off"), 600),
                sample("GeneratedPolicyOutcomesBenchmark.protect", Map.of("outcome", "allow"), 800),
                sample("GeneratedPolicyOutcomesBenchmark.protect", Map.of("outcome", "deny"), 400)));
        String report = new ResultsReport(jmh, Optional.empty(), Map.of()).render();
        assertTrue(targetRow(report, "Engine `protect`").contains("median 600 ns (by outcome: allow 800 ns, deny 400 ns)"),
                report);
        String table = report.substring(report.indexOf("By outcome"), report.indexOf("### Agent"));
        assertEquals(List.of("| Outcome | median | p90 | p99 |", "|---|---|---|---|",
                "| allow | 800 ns | 1,600 ns | 4,000 ns |", "| deny | 400 ns | 800 ns | 2,000 ns |"),
                table.lines().filter(l -> l.startsWith("|")).toList(), "an outcome not measured has no row");
        assertTrue(!report.contains("GeneratedPolicyOutcomesBenchmark.protect (sample)"), "not listed again: " + report);
    }

    @Test
    void withoutTheOutcomesTheMedianStandsAlone() {
        JmhResults jmh = new JmhResults(List.of(sample("GeneratedPolicyBenchmark.protect", Map.of("log", "off"), 600)));
        String report = new ResultsReport(jmh, Optional.empty(), Map.of()).render();
        assertTrue(targetRow(report, "Engine `protect`").contains("median 600 ns, p90"), report);
        assertTrue(!report.contains("By outcome"), report);
    }

    @Test
    void pacedCallsGetTheirOwnTableNotTheOthersList() {
        JmhResults jmh = new JmhResults(List.of(
                sample("PacedCallsBenchmark.protect", Map.of("decision", "deny", "log", "off"), 300),
                sample("PacedCallsBenchmark.protect", Map.of("decision", "deny", "log", "jsonl"), 450)));
        String report = new ResultsReport(jmh, Optional.empty(), Map.of()).render();
        assertTrue(report.contains("### Engine: one call at an ordinary rate"), report);
        assertTrue(report.contains("| deny | off | 300 ns | 600 ns | 1,500 ns |"), report);
        assertTrue(report.contains("| deny | jsonl | 450 ns | 900 ns | 2,250 ns |"), report);
        assertTrue(!report.contains("PacedCallsBenchmark.protect (sample)"), "not listed again under others: " + report);
    }

    @Test
    void benchmarksNoTableReadsAreListedUnderOthers() {
        JmhResults jmh = new JmhResults(List.of(avgt("LimiterBenchmark.rateAcquireAndRelease", Map.of(), 42, 1)));
        String report = new ResultsReport(jmh, Optional.empty(), Map.of()).render();
        assertTrue(report.contains("| LimiterBenchmark.rateAcquireAndRelease (avgt) | {} | 1 | 42.0 ± 1.00 ns |"), report);
    }

    @Test
    void theResultsReplaceOnlyWhatIsBetweenTheMarkers() {
        String document = "# Title\nintro\n" + BenchReport.BEGIN + "\nold numbers\n" + BenchReport.END + "\nafter\n";
        assertEquals("# Title\nintro\n" + BenchReport.BEGIN + "\nnew numbers\n" + BenchReport.END + "\nafter\n",
                BenchReport.replaceSection(document, "new numbers\n"));
        assertThrows(IllegalArgumentException.class, () -> BenchReport.replaceSection("# no markers\n", "x"));
    }
}
