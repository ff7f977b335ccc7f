package dev.newswire.ops.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.newswire.search.InvalidQueryException;
import dev.newswire.search.StoreUnavailableException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read-only endpoint: GET (and HEAD) only; a bad parameter is a 400 with its message, a store that cannot answer a
 * 503, anything else a 500 that says no more than "internal error" (the cause goes to the log, never to the client).
 */
abstract class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    /** Answers the request; throws {@link InvalidQueryException} for bad parameters. */
    abstract void answer(HttpExchange ex) throws IOException;

    @Override
    public final void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                ApiResponses.error(ex, 405, "this API is read-only: GET only");
                return;
            }
            try {
                answer(ex);
            } catch (InvalidQueryException e) {
                ApiResponses.error(ex, 400, e.getMessage());
            } catch (StoreUnavailableException e) {
                LOG.warn("API {}: {} ({})", ex.getRequestURI().getPath(), e.getMessage(),
                        e.getCause() == null ? "" : e.getCause().getMessage());
                ex.getResponseHeaders().set("Retry-After", "5");
                ApiResponses.error(ex, 503, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("API {} failed", ex.getRequestURI().getPath(), e);
                ApiResponses.error(ex, 500, "internal error");
            }
        }
    }
}
