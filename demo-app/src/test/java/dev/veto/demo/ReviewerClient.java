package dev.veto.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reviewer answering held calls over the agent's approval API, as the reviewer page does. */
final class ReviewerClient {

    static final String TOKEN = "demo-it-token";
    private static final Pattern BANNER = Pattern.compile("reviewer page at (http://127\\.0\\.0\\.1:\\d+)/");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private ReviewerClient(String base) {
        this.base = base;
    }

    /** Reads the page's address from the banner the agent prints on stderr at start. */
    static ReviewerClient fromAgentBanner(Path stderr) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = BANNER.matcher(Files.exists(stderr) ? Files.readString(stderr) : "");
            if (m.find()) {
                return new ReviewerClient(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the agent printed no reviewer page address on stderr: " + Files.readString(stderr));
    }

    /** Waits until a call of this tool is held and returns its JSON (as {@code GET /api/approvals} lists it). */
    String awaitPendingCall(String tool) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String pending = "";
        while (System.nanoTime() < deadline) {
            pending = send(HttpRequest.newBuilder(URI.create(base + "/api/approvals")).GET()).body();
            if (pending.contains("\"tool\":\"" + tool + "\"")) {
                return pending;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no call of " + tool + " was held: " + pending);
    }

    /** Approves the first held call of the listing; returns the HTTP status. */
    int approve(String pending, String reviewer) throws Exception {
        Matcher id = ID.matcher(pending);
        if (!id.find()) {
            throw new AssertionError("no id in " + pending);
        }
        String body = "{\"reviewer\":\"" + reviewer + "\",\"reason\":\"approved by the test\"}";
        return send(HttpRequest.newBuilder(URI.create(base + "/api/approvals/" + id.group(1) + "/approve"))
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
