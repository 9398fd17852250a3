package dev.veto.engine.approval.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Serves the reviewer page: three static files from the jar. They hold no data and need no token; the
 * page asks for the token and sends it on every API call itself, so the browser never sends it on its own
 * (no cookies: a forged cross-site request carries no credentials).
 */
final class PageHandler implements HttpHandler {

    private record Asset(String contentType, byte[] bytes) {
    }

    private final Map<String, Asset> assets = Map.of(
            "/", load("reviewer.html", "text/html; charset=utf-8"),
            "/reviewer.js", load("reviewer.js", "text/javascript; charset=utf-8"),
            "/reviewer.css", load("reviewer.css", "text/css; charset=utf-8"));

    private static Asset load(String name, String contentType) {
        try (InputStream in = PageHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the reviewer page's " + name + " is missing from the jar");
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Asset asset = assets.get(exchange.getRequestURI().getPath());
            if (asset == null) {
                Replies.text(exchange, 404, "not found\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                Replies.text(exchange, 405, method + " is not allowed here; use GET\n");
                return;
            }
            Replies.send(exchange, 200, asset.contentType(), asset.bytes());
        }
    }
}
