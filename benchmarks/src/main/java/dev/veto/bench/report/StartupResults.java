package dev.veto.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code StartupHarness} wrote: per application, medians and quartiles with and without the agent. */
record StartupResults(int runs, String agentFlag, List<App> apps) {

    /** Milliseconds from process start. */
    record Spread(double median, double p25, double p75) {
    }

    record App(String name, Spread mainWithout, Spread mainWith, Spread callWithout, Spread callWith) {
    }

    static StartupResults read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<App> apps = new ArrayList<>();
        for (JsonNode app : root.get("apps")) {
            apps.add(new App(app.get("app").asText(),
                    spread(app.at("/withoutAgent/toMainMs")), spread(app.at("/withAgent/toMainMs")),
                    spread(app.at("/withoutAgent/toFirstGovernedCallMs")),
                    spread(app.at("/withAgent/toFirstGovernedCallMs"))));
        }
        return new StartupResults(root.get("runs").asInt(), root.get("agentFlag").asText(), List.copyOf(apps));
    }

    private static Spread spread(JsonNode node) {
        return new Spread(node.get("median").asDouble(), node.get("p25").asDouble(), node.get("p75").asDouble());
    }
}
