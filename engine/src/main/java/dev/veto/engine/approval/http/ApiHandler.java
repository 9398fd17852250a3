package dev.veto.engine.approval.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.veto.engine.Approval;
import dev.veto.engine.approval.ApprovalJson;
import dev.veto.engine.approval.ApprovalRegistry;
import dev.veto.engine.approval.ApprovalRequest;
import dev.veto.engine.approval.ResolveResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The JSON API under {@code /api/approvals}. Every request needs the bearer token. Only a well-formed
 * answer to a held call changes anything; every refusal (401, 404, 400, 405, 409, 413) leaves all
 * approvals as they were. Only the calls whose channel label the configuration routes to {@code http} are
 * listed, shown or answered here: a call routed to the console alone is unknown to the API.
 *
 * <pre>
 * GET  /api/approvals               the held calls, oldest first
 * GET  /api/approvals/{id}          one call: held, or how it ended
 * POST /api/approvals/{id}/approve  {"reviewer": "...", "reason": "...", "arguments_hash": "..."}
 * POST /api/approvals/{id}/deny     the same
 * </pre>
 */
final class ApiHandler implements HttpHandler {

    static final String BASE = "/api/approvals";
    /** Answers are a few hundred bytes; anything near this is not an answer. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final ApprovalRegistry registry;
    private final BearerToken token;
    private final Predicate<ApprovalRequest> served;

    ApiHandler(ApprovalRegistry registry, BearerToken token, Predicate<ApprovalRequest> served) {
        this.registry = registry;
        this.token = token;
        this.served = served;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"veto\"");
                Replies.error(exchange, 401, "unauthorized",
                        "send the reviewer token as 'Authorization: Bearer <token>'");
                return;
            }
            route(exchange);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(BASE) || path.equals(BASE + "/")) {
            if (allowed(exchange, method, "GET")) {
                list(exchange);
            }
            return;
        }
        if (!path.startsWith(BASE + "/")) {
            Replies.error(exchange, 404, "not_found", "no such resource: " + path);
            return;
        }
        String[] parts = path.substring(BASE.length() + 1).split("/", -1);
        if (parts.length == 1 && !parts[0].isEmpty()) {
            if (allowed(exchange, method, "GET")) {
                show(exchange, parts[0]);
            }
        } else if (parts.length == 2 && !parts[0].isEmpty()
                && (parts[1].equals("approve") || parts[1].equals("deny"))) {
            if (allowed(exchange, method, "POST")) {
                answer(exchange, parts[0], parts[1].equals("approve"));
            }
        } else {
            Replies.error(exchange, 404, "not_found", "no such resource: " + path);
        }
    }

    private static boolean allowed(HttpExchange exchange, String method, String expected) throws IOException {
        if (method.equals(expected)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", expected);
        Replies.error(exchange, 405, "method_not_allowed", method + " is not allowed here; use " + expected);
        return false;
    }

    private void list(HttpExchange exchange) throws IOException {
        ArrayNode pending = JsonNodeFactory.instance.arrayNode();
        for (ApprovalRequest request : registry.pending()) {
            if (served.test(request)) {
                pending.add(ApprovalJson.pending(request));
            }
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("pending", pending);
        Replies.json(exchange, 200, body);
    }

    private void show(HttpExchange exchange, String id) throws IOException {
        Optional<ApprovalRequest> held = registry.find(id);
        if (held.isPresent()) {
            if (served.test(held.get())) {
                Replies.json(exchange, 200, ApprovalJson.pending(held.get()));
            } else {
                Replies.error(exchange, 404, "not_found", "no held call has decision id " + id);
            }
            return;
        }
        Optional<Approval> ended = registry.outcome(id);
        if (ended.isPresent()) {
            Replies.json(exchange, 200, ApprovalJson.ended(id, ended.get()));
            return;
        }
        Replies.error(exchange, 404, "not_found", "no held call has decision id " + id);
    }

    private void answer(HttpExchange exchange, String id, boolean granted) throws IOException {
        byte[] bytes;
        try {
            bytes = RequestBody.read(exchange, MAX_BODY_BYTES);
        } catch (RequestBody.TooLarge e) {
            Replies.error(exchange, 413, "body_too_large", e.getMessage());
            return;
        }
        Answer answer;
        try {
            answer = Answer.parse(bytes);
        } catch (BadAnswer e) {
            Replies.error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        Optional<ApprovalRequest> held = registry.find(id);
        if (held.isPresent() && !served.test(held.get())) {
            Replies.error(exchange, 404, "not_found", "no held call has decision id " + id);
            return;
        }
        ResolveResult result = registry.resolve(id, granted, answer.reviewer(), answer.reason(), answer.argumentsHash());
        switch (result) {
            case RESOLVED -> Replies.json(exchange, 200, ApprovalJson.ended(id, registry.outcome(id).orElseThrow()));
            case UNKNOWN -> Replies.error(exchange, 404, "not_found", "no held call has decision id " + id);
            case ALREADY_RESOLVED -> {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.put("error", "already_resolved");
                body.put("message", "decision " + id + " was already decided; this answer changed nothing");
                registry.outcome(id).ifPresent(a -> body.set("outcome", ApprovalJson.ended(id, a)));
                Replies.json(exchange, 409, body);
            }
            case CALL_MISMATCH -> Replies.error(exchange, 409, "call_mismatch",
                    "arguments_hash does not match the held call; reload it and review what will actually run");
        }
    }

    /** The body of an approve or deny. */
    record Answer(String reviewer, String reason, String argumentsHash) {

        /**
         * One JSON object and nothing else, each field once: text after the object, or a field given twice,
         * would otherwise be dropped in silence (an answer's binding to the call among them).
         */
        private static final ObjectReader STRICT = ApprovalJson.MAPPER.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

        static Answer parse(byte[] bytes) throws BadAnswer {
            if (bytes.length == 0) {
                throw new BadAnswer("the body is empty; expected a JSON object with \"reviewer\" and optionally "
                        + "\"reason\" and \"arguments_hash\"");
            }
            JsonNode json;
            try {
                json = STRICT.readTree(bytes);
            } catch (JacksonException e) {
                throw new BadAnswer("the body is not valid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new BadAnswer("the body could not be read: " + e.getMessage());
            }
            if (json == null || !json.isObject()) {
                throw new BadAnswer("expected a JSON object with \"reviewer\" and optionally \"reason\" and "
                        + "\"arguments_hash\"");
            }
            List<String> problems = new ArrayList<>();
            String reviewer = text(json, "reviewer", true, problems);
            String reason = text(json, "reason", false, problems);
            String hash = text(json, "arguments_hash", false, problems);
            if (!problems.isEmpty()) {
                throw new BadAnswer(String.join("; ", problems));
            }
            return new Answer(reviewer.strip(), reason == null ? "" : reason, hash);
        }

        private static String text(JsonNode json, String field, boolean required, List<String> problems) {
            JsonNode node = json.get(field);
            if (node == null || node.isNull()) {
                if (required) {
                    problems.add("missing field \"" + field + "\" (a non-empty string)");
                }
                return null;
            }
            if (!node.isTextual()) {
                problems.add("field \"" + field + "\" must be a string");
                return null;
            }
            if (required && node.asText().isBlank()) {
                problems.add("field \"" + field + "\" must not be empty");
                return null;
            }
            return node.asText();
        }
    }

    static final class BadAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        BadAnswer(String message) {
            super(message);
        }
    }
}
