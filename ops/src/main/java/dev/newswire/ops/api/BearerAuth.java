package dev.newswire.ops.api;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.newswire.model.BearerTokens;
import java.io.IOException;
import java.util.List;

/**
 * Lets a request through only with one of the bearer tokens ({@code Authorization: Bearer …}), compared in constant
 * time; else 401 with a JSON message. With no tokens it lets everything through (the console then listens on a
 * loopback address only: {@code ConsoleConfig.checkAccess}).
 */
public final class BearerAuth extends Filter {

    private final List<byte[]> tokens;

    public BearerAuth(List<String> tokens) {
        this.tokens = BearerTokens.bytes(tokens);
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
        return BearerTokens.authorised(tokens, header);
    }

    @Override
    public String description() {
        return "bearer token";
    }
}
