package dev.veto.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The results section of BENCHMARKS.md, written from one run's files: where we stand against each target,
 * then the tables (engine on the seed and on the generated policy, agent overhead, peers, start-up).
 * Every number is a JMH score with its 99.9% error, or a median of timed JVM starts with its quartiles.
 */
final class ResultsReport {

    static final String[] DECISIONS = {"allow", "deny", "require_approval"};
    static final String[] PEERS = {"cedar", "jcasbin", "jcasbin-eval"};
    static final String NOT_MEASURED = "not measured in this run";

    private static final double ENGINE_TARGET_NS = 500;
    private static final double AGENT_TARGET_NS = 1_000;
    private static final double STARTUP_TARGET_MS = 300;
    /** The benchmarks the sections above read; the rest go to "Other benchmarks". */
    private static final Pattern COVERED = Pattern.compile(
            "(SeedPolicyBenchmark|PacedCallsBenchmark|GeneratedPolicyBenchmark|GeneratedPolicyOutcomesBenchmark|WithAgentBenchmark|WithoutAgentBenchmark|PeersBenchmark)\\.");

    private final JmhResults jmh;
    private final Optional<StartupResults> startup;
    private final Map<String, String> run;
    private final StringBuilder out = new StringBuilder();
    /** What the agent rows say when the agent was not measured, and why. */
    private final String notMeasuredAgent;

    ResultsReport(JmhResults jmh, Optional<StartupResults> startup, Map<String, String> run) {
        this.jmh = jmh;
        this.startup = startup;
        this.run = run;
        this.notMeasuredAgent = run.containsKey("agent_missing") ? "not measured: " + run.get("agent_missing")
                : NOT_MEASURED;
    }

    String render() {
        runHeader();
        targets();
        seedPolicy();
        pacedCalls();
        generatedPolicy();
        agent();
        peers();
        startupTable();
        others();
        return out.toString();
    }

    private void runHeader() {
        line("Run of " + run.getOrDefault("date", "?") + " on commit `" + run.getOrDefault("commit", "?") + "`:");
        line("");
        line("```");
        line(run.getOrDefault("command", "./bench.sh"));
        line("```");
        line("");
        line("- JMH options: `" + run.getOrDefault("jmh_options", "?") + "` (errors are JMH's 99.9% confidence half-widths)");
        line("- Machine: " + run.getOrDefault("cpu", "?") + ", " + run.getOrDefault("cores", "?") + " cores, "
                + run.getOrDefault("memory", "?") + " RAM, " + run.getOrDefault("os", "?"));
        line("- JVM: " + run.getOrDefault("java", "?"));
        line("- Load average (1 min) at the start and the end: " + run.getOrDefault("load_start", "?") + " / "
                + run.getOrDefault("load_end", "?") + " (the machine is shared: read the error bars)");
        line("");
    }

    private void targets() {
        line("### Where we stand against the targets");
        line("");
        line("| Target | Measured | Verdict |");
        line("|---|---|---|");
        engineTarget();
        agentTarget();
        ungovernedTarget();
        startupTarget();
        peersTarget();
        line("");
    }

    private void engineTarget() {
        Optional<JmhResult> sample = jmh.find(r -> r.is("GeneratedPolicyBenchmark.protect", "sample")
                && "off".equals(r.param("log")));
        if (sample.isEmpty()) {
            row("Engine `protect` ≤ 500 ns median on the 1,000-rule policy", NOT_MEASURED, "–");
            return;
        }
        double median = sample.get().percentile("50.0");
        List<String> byOutcome = new ArrayList<>();
        for (String decision : DECISIONS) {
            outcomeSample(decision).ifPresent(r -> byOutcome.add(decision + " " + Format.nanos(r.percentile("50.0"))));
        }
        row("Engine `protect` ≤ 500 ns median on the 1,000-rule policy (log off, 1 thread)",
                "median " + Format.nanos(median)
                        + (byOutcome.isEmpty() ? "" : " (by outcome: " + String.join(", ", byOutcome) + ")")
                        + ", p90 " + Format.nanos(sample.get().percentile("90.0"))
                        + ", mean " + Format.nanos(sample.get().score(), sample.get().error()),
                verdict(median <= ENGINE_TARGET_NS));
    }

    /** GeneratedPolicyOutcomesBenchmark's result for calls that end in the decision. */
    private Optional<JmhResult> outcomeSample(String decision) {
        return jmh.find(r -> r.is("GeneratedPolicyOutcomesBenchmark.protect", "sample")
                && decision.equals(r.param("outcome")));
    }

    private void agentTarget() {
        List<String> measured = new ArrayList<>();
        boolean met = true;
        boolean any = false;
        for (String method : new String[] {"governedLookupOrder", "governedSendEmail"}) {
            Optional<Difference> added = agentDifference(method);
            if (added.isPresent()) {
                any = true;
                measured.add(toolOf(method) + " " + Format.addedNanos(added.get().value(), added.get().error()));
                met &= added.get().value() <= AGENT_TARGET_NS;
            }
        }
        row("≤ 1 µs added per governed call (seed policy, woven vs the same method un-woven)",
                any ? String.join("; ", measured) : notMeasuredAgent, any ? verdict(met) : "–");
    }

    private void ungovernedTarget() {
        Optional<Difference> added = agentDifference("plainMethod");
        if (added.isEmpty()) {
            row("Zero added on un-governed methods", notMeasuredAgent, "–");
            return;
        }
        Difference d = added.get();
        boolean withinError = Math.abs(d.value()) <= Math.max(d.error(), 0.5);
        row("Zero added on un-governed methods (a plain method, agent on vs off)",
                Format.nanos(d.with().score(), d.with().error()) + " with the agent, "
                        + Format.nanos(d.without().score(), d.without().error()) + " without ("
                        + Format.addedNanos(d.value(), d.error()) + ")",
                withinError ? "met (no difference beyond the error bars)" : "**missed**");
    }

    private void startupTarget() {
        if (startup.isEmpty()) {
            row("≤ 300 ms added start-up", notMeasuredAgent, "–");
            return;
        }
        List<String> measured = new ArrayList<>();
        boolean met = true;
        for (StartupResults.App app : startup.get().apps()) {
            double toMain = app.mainWith().median() - app.mainWithout().median();
            double toCall = app.callWith().median() - app.callWithout().median();
            measured.add(app.name() + ": " + Format.addedMillis(toMain) + " to `main`, "
                    + Format.addedMillis(toCall) + " to the first governed call");
            met &= toMain <= STARTUP_TARGET_MS && toCall <= STARTUP_TARGET_MS;
        }
        row("≤ 300 ms added start-up (medians of " + startup.get().runs() + " starts each)",
                String.join("; ", measured), verdict(met));
    }

    private void peersTarget() {
        List<String> measured = new ArrayList<>();
        boolean met = true;
        boolean any = false;
        for (String decision : DECISIONS) {
            Optional<JmhResult> veto = peer("veto", decision);
            if (veto.isEmpty()) {
                continue;
            }
            List<String> versus = new ArrayList<>();
            for (String name : PEERS) {
                Optional<JmhResult> other = peer(name, decision);
                if (other.isPresent()) {
                    any = true;
                    versus.add(name + " " + Format.ratio(other.get().score() / veto.get().score()));
                    met &= veto.get().score() < other.get().score();
                }
            }
            measured.add(decision + ": " + String.join(", ", versus) + " slower");
        }
        row("Ahead of both peers on every decision measured (refund rules; peer time / our time)",
                any ? String.join("; ", measured) : NOT_MEASURED, any ? verdict(met) : "–");
    }

    private void seedPolicy() {
        line("### Engine: `protect` on the seed policy");
        line("");
        line("`policies/support-agent.yaml` verbatim. allow: `send_email` to a customer; deny: `execute_sql` "
                + "`DROP TABLE customers` (both SQL regexes run); require_approval: an L1 refund of 500 (the "
                + "decision plus opening and closing the hold, no wait). With 2 threads the time is per call "
                + "on each thread. Log jsonl: the JSON Lines decision log with its hash chain, to a temporary file.");
        line("");
        line("| Decision | Log | 1 thread | alloc/call | 2 threads | alloc/call |");
        line("|---|---|---|---|---|---|");
        for (String decision : DECISIONS) {
            for (String log : new String[] {"off", "jsonl"}) {
                Optional<JmhResult> one = jmh.find(r -> r.is("SeedPolicyBenchmark.protect", "avgt")
                        && decision.equals(r.param("decision")) && log.equals(r.param("log")));
                Optional<JmhResult> two = jmh.find(r -> r.is("SeedPolicyBenchmark.protect2Threads", "avgt")
                        && decision.equals(r.param("decision")) && log.equals(r.param("log")));
                if (one.isEmpty() && two.isEmpty()) {
                    continue;
                }
                line("| " + decision + " | " + log + " | " + time(one) + " | " + alloc(one) + " | " + time(two)
                        + " | " + alloc(two) + " |");
            }
        }
        line("");
    }

    private void pacedCalls() {
        List<JmhResult> paced = jmh.all(r -> r.is("PacedCallsBenchmark.protect", "sample"));
        if (paced.isEmpty()) {
            return;
        }
        line("### Engine: one call at an ordinary rate, decision log off and on");
        line("");
        line("The same seed-policy calls, one at a time with about 50 µs of other work before each (not "
                + "measured), so that the log's writer keeps up: what a call pays its caller for the decision "
                + "and for handing its record to the log (back to back, above, the log figure is the writer's "
                + "pace). Sample mode: every call timed.");
        line("");
        line("| Decision | Log | median | p90 | p99 | mean | alloc/call |");
        line("|---|---|---|---|---|---|---|");
        for (String decision : DECISIONS) {
            for (String log : new String[] {"off", "jsonl"}) {
                paced.stream().filter(r -> decision.equals(r.param("decision")) && log.equals(r.param("log")))
                        .findFirst()
                        .ifPresent(r -> line("| " + decision + " | " + log + " | " + Format.nanos(r.percentile("50.0"))
                                + " | " + Format.nanos(r.percentile("90.0")) + " | "
                                + Format.nanos(r.percentile("99.0")) + " | " + Format.nanos(r.score(), r.error())
                                + " | " + Format.bytes(r.allocBytes()) + " |"));
            }
        }
        line("");
    }

    private void generatedPolicy() {
        line("### Engine: `protect` on a generated policy of 1,000 rules over 200 tools");
        line("");
        line("`GeneratedPolicy` (seeded, the same every run): 960 rules naming one tool each and 40 globs over "
                + "ten tools, conditions mixing every matcher kind; the benchmark cycles through 1,024 generated "
                + "calls to random tools (about a quarter allowed, half denied, a quarter held).");
        line("");
        line("| Log | Threads | median | p90 | p99 | mean (avgt) | alloc/call |");
        line("|---|---|---|---|---|---|---|");
        for (String log : new String[] {"off", "jsonl"}) {
            for (String method : new String[] {"protect", "protect2Threads"}) {
                String name = "GeneratedPolicyBenchmark." + method;
                Optional<JmhResult> sample = jmh.find(r -> r.is(name, "sample") && log.equals(r.param("log")));
                Optional<JmhResult> avg = jmh.find(r -> r.is(name, "avgt") && log.equals(r.param("log")));
                if (sample.isEmpty() && avg.isEmpty()) {
                    continue;
                }
                line("| " + log + " | " + (method.equals("protect") ? 1 : 2) + " | "
                        + sample.map(s -> Format.nanos(s.percentile("50.0"))).orElse("–") + " | "
                        + sample.map(s -> Format.nanos(s.percentile("90.0"))).orElse("–") + " | "
                        + sample.map(s -> Format.nanos(s.percentile("99.0"))).orElse("–") + " | "
                        + time(avg) + " | " + alloc(avg.isPresent() ? avg : sample) + " |");
            }
        }
        line("");
        generatedPolicyByOutcome();
    }

    private void generatedPolicyByOutcome() {
        if (Arrays.stream(DECISIONS).allMatch(decision -> outcomeSample(decision).isEmpty())) {
            return;
        }
        line("By outcome (`GeneratedPolicyOutcomesBenchmark`, log off, 1 thread): the same cycle of calls, of which "
                + "only those that end in the outcome are timed; the others before each are decided untimed, so "
                + "that every timed call finds the caches as the mixed run leaves them. A held call includes opening "
                + "and closing its hold, as in the mixed run. No alloc/call: JMH would count the untimed calls' "
                + "allocation against the timed ones.");
        line("");
        line("| Outcome | median | p90 | p99 |");
        line("|---|---|---|---|");
        for (String decision : DECISIONS) {
            outcomeSample(decision).ifPresent(r -> line("| " + decision + " | " + Format.nanos(r.percentile("50.0"))
                    + " | " + Format.nanos(r.percentile("90.0")) + " | " + Format.nanos(r.percentile("99.0")) + " |"));
        }
        line("");
    }

    private void agent() {
        line("### Agent: a governed call against the same method un-woven");
        line("");
        line("`SupportTools` (a fixture with `@Tool` methods) called in JMH forks started with "
                + "`-javaagent:agent/target/veto-agent.jar=policy=policies/support-agent.yaml` and in forks "
                + "without it, in the same run. The setup of each fork proves which it is (a denied tool "
                + "throws only with the agent).");
        line("");
        line("| Method | Without the agent | With the agent | Added | alloc/call with the agent |");
        line("|---|---|---|---|---|");
        for (String method : new String[] {"governedLookupOrder", "governedSendEmail", "plainMethod"}) {
            Optional<Difference> d = agentDifference(method);
            if (d.isEmpty()) {
                continue;
            }
            line("| " + (method.equals("plainMethod") ? "plain method (not a tool)" : "`" + toolOf(method) + "`")
                    + " | " + Format.nanos(d.get().without().score(), d.get().without().error()) + " | "
                    + Format.nanos(d.get().with().score(), d.get().with().error()) + " | "
                    + Format.addedNanos(d.get().value(), d.get().error()) + " | " + alloc(Optional.of(d.get().with()))
                    + " |");
        }
        line("");
    }

    private void peers() {
        line("### Peers on the same decision");
        line("");
        line("The seed policy's refund rules (an L1 agent refunds 150: allow; 500: require_approval; −5: deny) "
                + "in each engine; requests built before measuring; every engine's answer checked at setup. "
                + "Ratios: the engine's time over ours.");
        line("");
        line("| Engine | allow | deny | require_approval | alloc/call (allow) | vs veto (allow) |");
        line("|---|---|---|---|---|---|");
        Optional<JmhResult> vetoAllow = peer("veto", "allow");
        for (String name : new String[] {"veto", "cedar", "jcasbin", "jcasbin-eval", "if-chain"}) {
            Optional<JmhResult> allow = peer(name, "allow");
            if (allow.isEmpty() && peer(name, "deny").isEmpty()) {
                continue;
            }
            String ratio = vetoAllow.isPresent() && allow.isPresent()
                    ? Format.ratio(allow.get().score() / vetoAllow.get().score()) : "–";
            line("| " + name + " | " + time(allow) + " | " + time(peer(name, "deny")) + " | "
                    + time(peer(name, "require_approval")) + " | " + alloc(allow) + " | " + ratio + " |");
        }
        line("");
    }

    private void startupTable() {
        line("### JVM start-up with and without the agent");
        line("");
        if (startup.isEmpty()) {
            line(notMeasuredAgent + ".");
            line("");
            return;
        }
        line("Milliseconds from `ProcessBuilder.start()` to the stdout line printed at the start of `main`, "
                + "and to the one printed when the first governed call returned; median [quartiles] of "
                + startup.get().runs() + " starts each, with and without the agent alternating. "
                + "Agent flag: `" + startup.get().agentFlag() + "`.");
        line("");
        line("| Application | to `main` without | with | added | to first governed call without | with | added |");
        line("|---|---|---|---|---|---|---|");
        for (StartupResults.App app : startup.get().apps()) {
            line("| " + app.name() + " | " + spread(app.mainWithout()) + " | " + spread(app.mainWith()) + " | "
                    + Format.addedMillis(app.mainWith().median() - app.mainWithout().median()) + " | "
                    + spread(app.callWithout()) + " | " + spread(app.callWith()) + " | "
                    + Format.addedMillis(app.callWith().median() - app.callWithout().median()) + " |");
        }
        line("");
    }

    /** Benchmarks of this run that no table above reads (the limiter and decision log parts, say). */
    private void others() {
        List<JmhResult> rest = jmh.all(r -> !COVERED.matcher(r.benchmark()).lookingAt());
        if (rest.isEmpty()) {
            return;
        }
        line("### Other benchmarks in this run");
        line("");
        line("| Benchmark | Parameters | Threads | Score | alloc/op |");
        line("|---|---|---|---|---|");
        for (JmhResult r : rest) {
            String score = r.unit().equals("ns/op") ? Format.nanos(r.score(), r.error())
                    : Double.isNaN(r.error()) ? String.format(Locale.ROOT, "%.3f %s", r.score(), r.unit())
                    : String.format(Locale.ROOT, "%.3f ± %.3f %s", r.score(), r.error(), r.unit());
            line("| " + r.benchmark() + " (" + r.mode() + ") | " + r.params() + " | " + r.threads() + " | " + score
                    + " | " + Format.bytes(r.allocBytes()) + " |");
        }
        line("");
    }

    /** The agent-on minus agent-off score of one method, with the errors combined. */
    private record Difference(JmhResult with, JmhResult without) {
        double value() {
            return with.score() - without.score();
        }

        double error() {
            return Math.hypot(with.error(), without.error());
        }
    }

    private Optional<Difference> agentDifference(String method) {
        Optional<JmhResult> with = jmh.find(r -> r.is("WithAgentBenchmark." + method, "avgt"));
        Optional<JmhResult> without = jmh.find(r -> r.is("WithoutAgentBenchmark." + method, "avgt"));
        return with.isPresent() && without.isPresent()
                ? Optional.of(new Difference(with.get(), without.get())) : Optional.empty();
    }

    private Optional<JmhResult> peer(String engine, String decision) {
        return jmh.find(r -> r.is("PeersBenchmark.decide", "avgt") && engine.equals(r.param("engine"))
                && decision.equals(r.param("decision")));
    }

    private static String toolOf(String method) {
        return method.equals("governedLookupOrder") ? "lookup_order" : "send_email";
    }

    private static String time(Optional<JmhResult> result) {
        return result.map(r -> Format.nanos(r.score(), r.error())).orElse("–");
    }

    private static String alloc(Optional<JmhResult> result) {
        return result.map(r -> Format.bytes(r.allocBytes())).orElse("–");
    }

    private static String spread(StartupResults.Spread s) {
        return Format.millis(s.median()) + " [" + Format.millis(s.p25()).replace(" ms", "") + "–"
                + Format.millis(s.p75()) + "]";
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private void row(String target, String measured, String verdict) {
        line("| " + target + " | " + measured + " | " + verdict + " |");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
