package dev.veto.engine.approval.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veto.engine.approval.ApprovalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to the reviewer server as a reviewer's script would. */
public final class ApiClient {

    /** A response: status and parsed JSON body (null when the body is not JSON). */
    public record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        public String field(String name) {
            return json == null || json.get(name) == null ? null : json.get(name).asText();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    public ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), token);
    }

    public Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    public Reply approve(String id, String reviewer, String reason) {
        return post("/api/approvals/" + id + "/approve",
                "{\"reviewer\":\"" + reviewer + "\",\"reason\":\"" + reason + "\"}");
    }

    public Reply deny(String id, String reviewer, String reason) {
        return post("/api/approvals/" + id + "/deny",
                "{\"reviewer\":\"" + reviewer + "\",\"reason\":\"" + reason + "\"}");
    }

    public Reply send(HttpRequest.Builder builder, String bearer) {
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        builder.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = ApprovalJson.MAPPER.readTree(response.body());
            } catch (IOException notJson) {
                // some answers (the page) are not JSON
            }
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
