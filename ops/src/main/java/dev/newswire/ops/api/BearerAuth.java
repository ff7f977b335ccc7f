package dev.newswire.ops.api;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Lets a request through only with one of the bearer tokens ({@code Authorization: Bearer …}), compared in constant
 * time; else 401 with a JSON message. With no tokens it lets everything through (the console then listens on a
 * loopback address only: {@code ConsoleConfig.checkAccess}).
 */
public final class BearerAuth extends Filter {

    private final List<byte[]> tokens;

    public BearerAuth(List<String> tokens) {
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Whether any token is required. */
    public boolean enabled() {
        return !tokens.isEmpty();
    }

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        if (authorised(ex.getRequestHeaders().getFirst("Authorization"))) {
            chain.doFilter(ex);
            return;
        }
        try (ex) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"newswire\"");
            ApiResponses.error(ex, 401, "a bearer token is required (Authorization: Bearer …)");
        }
    }

    boolean authorised(String header) {
        if (tokens.isEmpty()) {
            return true;
        }
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] t : tokens) {
            ok |= MessageDigest.isEqual(t, given); // constant time per token, and every token is checked
        }
        return ok;
    }

    @Override
    public String description() {
        return "bearer token";
    }
}
