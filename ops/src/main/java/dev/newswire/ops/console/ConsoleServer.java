package dev.newswire.ops.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.zaxxer.hikari.HikariDataSource;
import dev.newswire.model.Json;
import dev.newswire.metrics.Health;
import dev.newswire.metrics.Metrics;
import dev.newswire.ops.api.BearerAuth;
import dev.newswire.ops.api.StoreApi;
import dev.newswire.search.ArticleSearch;
import dev.newswire.search.SearchDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: search over the stored articles with entity facets and attention-over-time charts, a live feed
 * of enriched articles with people and places highlighted, topic and lag tables, throughput charts, the top entities
 * of the last hour and the dead-letter browser; and the read-only JSON API ({@link StoreApi}). JDK HTTP server, static files
 * from the classpath, no CDN. Crawled content is untrusted: the page renders it with DOM text nodes only, and the
 * Content-Security-Policy allows no inline script as a second line of defence.
 *
 * <pre>{@code
 * try (ConsoleServer console = ConsoleServer.start(Map.of("bootstrap.servers", bootstrap), jdbcUrl, 8471)) {
 *     System.out.println("console at http://127.0.0.1:" + console.port() + "/");
 * }
 * }</pre>
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    /** The console's usual port; the embedded run takes it when free. */
    public static final int DEFAULT_PORT = 8471;
    private static final String STATIC_ROOT = "/dev/newswire/ops/console/";
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/console.js", "console.js",
            "/console.css", "console.css",
            "/map.js", "map.js",                     // the article places map (offline)
            "/world-land.json", "world-land.json");  // its land outlines, ops/scripts/build-world-map.sh
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<AutoCloseable> parts;

    private ConsoleServer(HttpServer server, ExecutorService executor, List<AutoCloseable> parts) {
        this.server = server;
        this.executor = executor;
        this.parts = parts;
    }

    /**
     * Starts the console on 127.0.0.1, serving {@link Metrics#global()} at {@code /metrics} too.
     *
     * @param kafkaClientProps Kafka client properties (at least bootstrap.servers; TLS/SASL settings as for any client),
     *                         e.g. {@code CommonConfig.kafkaClientProps(config)} or {@code Map.of("bootstrap.servers", …)}
     * @param jdbcUrlOrNull    the sink's database, to show stored-article counts; null for none
     * @param port             the port, 0 for any free one
     */
    public static ConsoleServer start(Map<String, ?> kafkaClientProps, String jdbcUrlOrNull, int port) throws IOException {
        return start(kafkaClientProps, jdbcUrlOrNull, "127.0.0.1", port, Metrics.global());
    }

    /**
     * Starts the console.
     *
     * @param host          address to bind (127.0.0.1 unless others must reach it)
     * @param metricsOrNull meters to serve at {@code /metrics}, or null
     */
    public static ConsoleServer start(Map<String, ?> kafkaClientProps, String jdbcUrlOrNull, String host, int port,
                                      Metrics metricsOrNull) throws IOException {
        return start(kafkaClientProps, jdbcUrlOrNull == null ? null : new Database(jdbcUrlOrNull, null, null), host, port,
                List.of(), metricsOrNull);
    }

    /**
     * The article store the console reads: stored-article counts and the search API ({@link StoreApi}).
     *
     * @param user     user, or null/empty to take it from the URL
     * @param password password, or null/empty
     */
    public record Database(String jdbcUrl, String user, String password) {
    }

    /**
     * Starts the console and the read-only API.
     *
     * @param databaseOrNull the article store, or null for none (the search API then answers 503)
     * @param host           address to bind; any but a loopback address requires {@code tokens}
     * @param tokens         bearer tokens the API and /metrics require; empty for none (loopback only)
     * @throws IllegalArgumentException bound to a non-loopback address without tokens
     */
    public static ConsoleServer start(Map<String, ?> kafkaClientProps, Database databaseOrNull, String host, int port,
                                      List<String> tokens, Metrics metricsOrNull) throws IOException {
        ConsoleConfig.checkAccess(host, tokens);
        String jdbcUrlOrNull = databaseOrNull == null ? null : databaseOrNull.jdbcUrl();
        Map<String, Object> props = new HashMap<>(kafkaClientProps);
        List<AutoCloseable> parts = new ArrayList<>();
        LiveArticles articles = new LiveArticles();
        LiveDeadLetters deadLetters = new LiveDeadLetters();
        LiveStatus status = new LiveStatus(props, jdbcUrlOrNull);
        parts.add(status);
        parts.add(LiveArticles.follow(props, articles));
        parts.add(LiveDeadLetters.follow(props, deadLetters));

        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            closeAll(parts);
            throw new IOException("console cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        BearerAuth auth = new BearerAuth(tokens);
        ArticleSearch search = null;
        if (databaseOrNull != null) {
            HikariDataSource pool = SearchDataSource.pool(databaseOrNull.jdbcUrl(), databaseOrNull.user(), databaseOrNull.password());
            parts.add(pool);
            search = new ArticleSearch(pool);
        }
        server.createContext("/", ex -> serveStatic(ex));
        // the state of every stage in this process (JSON, 200 when all run, 503 otherwise): no data, so no token
        server.createContext("/health", Health.global().handler());
        // what the pipeline is doing now, from Kafka (the live feed and the top entities of the last hour)
        add(server, "/api/live/articles", ex -> json(ex, () -> articles.articles(intParam(ex, "limit", 50, 1, LiveArticles.KEEP))), auth);
        add(server, "/api/live/entities", ex -> json(ex, () -> articles.topEntities(intParam(ex, "limit", 10, 1, 50))), auth);
        add(server, "/api/status", ex -> json(ex, status::status), auth);
        add(server, "/api/throughput", ex -> json(ex, status::throughput), auth);
        add(server, "/api/deadletters", ex -> json(ex, () -> deadLetters.list(param(ex, "reason"),
                intParam(ex, "limit", 100, 1, LiveDeadLetters.KEEP))), auth);
        // what the store holds: search, articles, stories, entities
        StoreApi.register(server, search, auth);
        if (metricsOrNull != null) {
            add(server, "/metrics", metricsOrNull.handler(), auth);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "newswire-console-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        ConsoleServer console = new ConsoleServer(server, executor, parts);
        LOG.info("Web console at http://{}:{}/{}", host, console.port(), auth.enabled() ? " (bearer token required for /api and /metrics)" : "");
        return console;
    }

    private static void add(HttpServer server, String path, HttpHandler handler, Filter auth) {
        HttpContext c = server.createContext(path, handler);
        c.getFilters().add(auth);
    }

    /** The port the console listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The console's address, e.g. {@code http://127.0.0.1:8471/}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        closeAll(parts);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (AutoCloseable p : parts) {
            try {
                p.close();
            } catch (Exception e) {
                LOG.debug("Closing {}: {}", p, e.toString());
            }
        }
    }

    private static void serveStatic(HttpExchange ex) throws IOException {
        try (ex) {
            String file = STATIC.get(ex.getRequestURI().getPath());
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            if (file == null) {
                send(ex, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            try (InputStream in = ConsoleServer.class.getResourceAsStream(STATIC_ROOT + file)) {
                if (in == null) {
                    throw new IOException("missing console resource " + file);
                }
                body = in.readAllBytes();
            }
            String type = file.endsWith(".html") ? "text/html; charset=utf-8"
                    : file.endsWith(".json") ? "application/json; charset=utf-8"
                    : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            send(ex, 200, type, body);
        }
    }

    private static void json(HttpExchange ex, Supplier<JsonNode> body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes;
            try {
                bytes = Json.MAPPER.writeValueAsBytes(body.get());
            } catch (RuntimeException e) {
                LOG.warn("Console API {} failed: {}", ex.getRequestURI().getPath(), e.toString());
                send(ex, 500, "application/json", "{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(ex, 200, "application/json; charset=utf-8", bytes);
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static String param(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static int intParam(HttpExchange ex, String name, int dflt, int min, int max) {
        String v = param(ex, name);
        try {
            return v == null ? dflt : Math.max(min, Math.min(max, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
