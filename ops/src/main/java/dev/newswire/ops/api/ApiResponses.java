package dev.newswire.ops.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.newswire.model.Json;
import java.io.IOException;

/** How the API answers: JSON bodies and the console's security headers on every response, errors as {"error": "…"}. */
public final class ApiResponses {

    /** No script, style or frame from anywhere: the API serves data only. */
    static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    private ApiResponses() {
    }

    /** Sends {@code body} as JSON. */
    public static void json(HttpExchange ex, int status, Object body) throws IOException {
        send(ex, status, Json.MAPPER.writeValueAsBytes(body));
    }

    /** Sends bytes that already are JSON. */
    public static void send(HttpExchange ex, int status, byte[] json) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", "application/json; charset=utf-8");
        if (!h.containsKey("Content-Security-Policy")) {
            h.set("Content-Security-Policy", CSP);
        }
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, json.length);
        ex.getResponseBody().write(json);
    }

    /** {"error": message}: a message for the caller, never a stack trace or SQL. */
    public static void error(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("error", message);
        json(ex, status, n);
    }
}
