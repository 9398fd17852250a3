package dev.veto.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one run's results into BENCHMARKS.md, between the markers {@value #BEGIN} and {@value #END}
 * (the text around them is kept): {@code BenchReport RUN_DIR BENCHMARKS.md}, where RUN_DIR holds
 * {@code jmh.json}, {@code run.properties} (what bench.sh recorded about the run) and, when the start-up
 * harness ran, {@code startup.json}.
 */
public final class BenchReport {

    static final String BEGIN = "<!-- results:begin (written by ./bench.sh; edits here are overwritten) -->";
    static final String END = "<!-- results:end -->";

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BenchReport RUN_DIR BENCHMARKS.md");
            System.exit(2);
        }
        Path runDir = Path.of(args[0]);
        Path document = Path.of(args[1]);
        JmhResults jmh = JmhResults.read(runDir.resolve("jmh.json"));
        Path startupFile = runDir.resolve("startup.json");
        Optional<StartupResults> startup = Files.exists(startupFile)
                ? Optional.of(StartupResults.read(startupFile)) : Optional.empty();
        String section = new ResultsReport(jmh, startup, runProperties(runDir.resolve("run.properties"))).render();
        Files.writeString(document, replaceSection(Files.readString(document), section));
        System.out.println("wrote the results of " + runDir + " into " + document);
    }

    static String replaceSection(String document, String section) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the document has no results markers; expected a line " + BEGIN
                    + " and, after it, a line " + END);
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + section + document.substring(end);
    }

    /** key=value lines, in order; a value may contain '='. */
    private static Map<String, String> runProperties(Path file) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return properties;
        }
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                properties.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return properties;
    }
}
