package dev.veto.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The rows of a JMH JSON result file ({@code -rf json}). */
public record JmhResults(List<JmhResult> rows) {

    public static JmhResults read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<JmhResult> rows = new ArrayList<>();
        for (JsonNode node : root) {
            rows.add(row(node));
        }
        return new JmhResults(List.copyOf(rows));
    }

    public Optional<JmhResult> find(Predicate<JmhResult> which) {
        return rows.stream().filter(which).findFirst();
    }

    public List<JmhResult> all(Predicate<JmhResult> which) {
        return rows.stream().filter(which).toList();
    }

    private static JmhResult row(JsonNode node) {
        String benchmark = node.get("benchmark").asText();
        int lastDot = benchmark.lastIndexOf('.');
        int classDot = benchmark.lastIndexOf('.', lastDot - 1);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramsNode = node.get("params");
        if (paramsNode != null) {
            paramsNode.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode primary = node.get("primaryMetric");
        Map<String, Double> percentiles = new LinkedHashMap<>();
        JsonNode percentilesNode = primary.get("scorePercentiles");
        if (percentilesNode != null && node.get("mode").asText().equals("sample")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = percentilesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                percentiles.put(e.getKey(), e.getValue().asDouble());
            }
        }
        JsonNode alloc = node.path("secondaryMetrics").get("gc.alloc.rate.norm");
        return new JmhResult(benchmark.substring(classDot + 1), node.get("mode").asText(),
                node.get("threads").asInt(), params, number(primary.get("score")), number(primary.get("scoreError")),
                primary.get("scoreUnit").asText(), percentiles,
                alloc == null ? Double.NaN : number(alloc.get("score")),
                alloc == null ? Double.NaN : number(alloc.get("scoreError")));
    }

    /** JMH writes "NaN" as a string when it has no error estimate. */
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText());
    }
}
