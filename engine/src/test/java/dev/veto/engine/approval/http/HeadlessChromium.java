package dev.veto.engine.approval.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.engine.approval.ApprovalJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven over the DevTools protocol (a WebSocket from java.net.http): no
 * Selenium, no driver download. Just enough to load a page, read it, type, click with the mouse and take
 * a screenshot.
 */
final class HeadlessChromium implements AutoCloseable {

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();

    /** The browser binary, if installed. */
    static Optional<Path> find() {
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    HeadlessChromium(Path binary) throws Exception {
        profile = Files.createTempDirectory("veto-chromium-");
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        URI browser = listeningAddress();
        int port = browser.getPort();
        HttpClient http = HttpClient.newHttpClient();
        URI page = null;
        for (int attempt = 0; attempt < 100 && page == null; attempt++) {
            JsonNode targets = ApprovalJson.MAPPER.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText())) {
                    page = URI.create(target.get("webSocketDebuggerUrl").asText());
                }
            }
            if (page == null) {
                Thread.sleep(100);
            }
        }
        if (page == null) {
            throw new IllegalStateException("chromium opened no page");
        }
        socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(page, new Listener()).get(30, TimeUnit.SECONDS);
    }

    /** Reads chromium's stderr until it says where DevTools listens; keeps draining it afterwards. */
    private URI listeningAddress() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = err.readLine()) != null) {
            seen.append(line).append('\n');
            int at = line.indexOf("ws://");
            if (line.startsWith("DevTools listening on") && at >= 0) {
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // discard
                        }
                    } catch (IOException e) {
                        // the browser went away
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return URI.create(line.substring(at).trim());
            }
        }
        throw new IllegalStateException("chromium exited before DevTools listened:\n" + seen);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = ApprovalJson.MAPPER.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> call = calls.remove(message.get("id").asInt());
                        if (call != null) {
                            call.complete(message);
                        }
                    }
                } catch (IOException e) {
                    // not for us
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Sends one DevTools command and returns its result. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        calls.put(id, reply);
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", params == null ? JsonNodeFactory.instance.objectNode() : params);
        socket.sendText(ApprovalJson.MAPPER.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        JsonNode answer = reply.get(60, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }

    static ObjectNode params() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Evaluates JavaScript in the page and returns its (JSON) value. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", params().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until the expression is true in the page. */
    void waitUntil(String expression, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (evaluate("(() => { try { return Boolean(" + expression + "); } catch (e) { return false; } })()")
                    .asBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page never showed " + what + "; body text:\n"
                + evaluate("document.body.innerText").asText());
    }

    void navigate(String url) throws Exception {
        call("Page.navigate", params().put("url", url));
    }

    /** Sizes the window like a phone. */
    void phoneViewport(int width, int height) throws Exception {
        call("Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", height)
                .put("deviceScaleFactor", 2).put("mobile", true));
    }

    /** A real left click in the middle of the element, as a finger or mouse would. */
    void click(String selector) throws Exception {
        JsonNode box = evaluate("(() => { const e = document.querySelector(" + js(selector) + ");"
                + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        double x = box.get("x").asDouble();
        double y = box.get("y").asDouble();
        call("Input.dispatchMouseEvent", params().put("type", "mouseMoved").put("x", x).put("y", y));
        call("Input.dispatchMouseEvent", params().put("type", "mousePressed").put("x", x).put("y", y)
                .put("button", "left").put("clickCount", 1));
        call("Input.dispatchMouseEvent", params().put("type", "mouseReleased").put("x", x).put("y", y)
                .put("button", "left").put("clickCount", 1));
    }

    /** Clicks into a field and types. */
    void type(String selector, String text) throws Exception {
        click(selector);
        call("Input.insertText", params().put("text", text));
    }

    void screenshot(Path file) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", params().put("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    static String js(String text) {
        try {
            return ApprovalJson.MAPPER.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        socket.abort();
        // Chromium's helpers (renderer, network service) are its children: end them too, then wait.
        java.util.List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        helpers.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle helper : helpers) {
                helper.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            helpers.forEach(ProcessHandle::destroyForcibly);
        }
        deleteQuietly(profile);
    }

    /** The profile is a scratch directory: a file the browser was still writing is no test failure. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not remove the browser profile " + dir + ": " + e);
        }
    }
}
