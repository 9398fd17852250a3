package dev.veto.bench.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JVM start-up with and without the agent: starts {@code java} many times, alternating with and without
 * {@code -javaagent}, and times (from {@code ProcessBuilder.start()}) the stdout line that says
 * {@code main} was reached and the one that says the first governed call returned. Reports medians and
 * quartiles; the first runs of each kind warm the file cache and are not counted. The hello-world is timed
 * a second time with the decision log on ({@code log=} a temporary file that every governed start
 * continues), since a service in production keeps one.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.veto.bench.startup.StartupHarness \
 *   --runs 20 --agent agent/target/veto-agent.jar --policy policies/support-agent.yaml \
 *   --hello-cp benchmarks/target/classes:annotations/target/classes \
 *   [--demo-cp demo-app/target/classes:annotations/target/classes] --out startup.json
 * </pre>
 */
public final class StartupHarness {

    private static final int WARMUP_RUNS = 2;
    private static final long RUN_TIMEOUT_SECONDS = 60;

    private final String java;
    private final String agentFlag;

    private StartupHarness(String java, String agentFlag) {
        this.java = java;
        this.agentFlag = agentFlag;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "20"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String agentFlag = "-javaagent:" + required(options, "agent") + "=policy=" + required(options, "policy");
        StartupHarness harness = new StartupHarness(java, agentFlag);

        List<StartupApp> apps = new ArrayList<>();
        StartupApp hello = StartupApp.hello(required(options, "hello-cp"));
        apps.add(hello);
        if (options.containsKey("demo-cp")) {
            apps.add(StartupApp.demo(options.get("demo-cp")));
        }
        Path decisionLog = Files.createTempFile("veto-startup-decisions-", ".jsonl");
        Files.delete(decisionLog); // the first start creates it, the later ones continue it
        apps.add(hello.withDecisionLog(decisionLog));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("java", java);
        results.put("javaVersion", System.getProperty("java.version"));
        results.put("agentFlag", agentFlag);
        results.put("runs", runs);
        List<Map<String, Object>> byApp = new ArrayList<>();
        for (StartupApp app : apps) {
            byApp.add(harness.measure(app, runs));
        }
        results.put("apps", byApp);
        Files.deleteIfExists(decisionLog);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path out = Path.of(required(options, "out"));
        Files.writeString(out, json.writeValueAsString(results) + "\n");
        System.out.println(json.writeValueAsString(results));
    }

    private Map<String, Object> measure(StartupApp app, int runs) throws IOException, InterruptedException {
        List<StartupRun> without = new ArrayList<>();
        List<StartupRun> with = new ArrayList<>();
        for (int i = 0; i < WARMUP_RUNS + runs; i++) {
            StartupRun plain = run(app, false);
            StartupRun governed = run(app, true);
            if (i >= WARMUP_RUNS) {
                without.add(plain);
                with.add(governed);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("app", app.name());
        result.put("withoutAgent", summary(without));
        result.put("withAgent", summary(with));
        return result;
    }

    private StartupRun run(StartupApp app, boolean withAgent) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        if (withAgent) {
            command.add(agentFlag + app.agentOptions());
        }
        command.addAll(List.of("-cp", app.classPath(), app.mainClass()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        long started = System.nanoTime();
        Process process = builder.start();
        double toMain = Double.NaN;
        double toFirstCall = Double.NaN;
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                long now = System.nanoTime();
                lines.add(line);
                if (Double.isNaN(toMain) && app.mainReached().test(line)) {
                    toMain = millis(now - started);
                }
                if (Double.isNaN(toFirstCall) && app.firstCallDone().test(line)) {
                    toFirstCall = millis(now - started);
                    if (!app.waitForExit()) {
                        break;
                    }
                }
            }
        } finally {
            if (!app.waitForExit()) {
                process.destroyForcibly();
            }
            if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(app.name() + " did not end within " + RUN_TIMEOUT_SECONDS + " s: " + command);
            }
        }
        if (Double.isNaN(toMain) || Double.isNaN(toFirstCall)) {
            throw new IllegalStateException(app.name() + " did not print its markers (" + command + "); it printed: " + lines);
        }
        if (app.governedWhen().test(lines) != withAgent) {
            throw new IllegalStateException(app.name() + (withAgent ? " was not governed with " : " was governed without ")
                    + "the agent (" + command + "); it printed: " + lines);
        }
        return new StartupRun(toMain, toFirstCall);
    }

    private static Map<String, Object> summary(List<StartupRun> runs) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("toMainMs", Quartiles.of(runs.stream().mapToDouble(StartupRun::toMain).toArray()));
        summary.put("toFirstGovernedCallMs", Quartiles.of(runs.stream().mapToDouble(StartupRun::toFirstCall).toArray()));
        return summary;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i]
                        + "'; see the class comment of " + StartupHarness.class.getName());
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name + "; see the class comment of "
                    + StartupHarness.class.getName());
        }
        return value;
    }
}
