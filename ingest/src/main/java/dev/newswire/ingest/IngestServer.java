package dev.newswire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newswire.metrics.Health;
import dev.newswire.metrics.Metrics;
import dev.newswire.model.BearerTokens;
import dev.newswire.model.Json;
import dev.newswire.model.PayloadException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint crawlers post pages to.
 * <ul>
 *   <li>{@code POST /pages} with {@code Content-Type: application/json}: one page object (or an array of them);
 *       with {@code application/x-ndjson}: one page per line.</li>
 *   <li>202 with the keys once Kafka has acknowledged every page; 400 with a clear message for invalid input
 *       (nothing of that request is published); 401 without a valid bearer token when tokens are configured;
 *       413 over the size limits; 503 with Retry-After when Kafka does not acknowledge in time.</li>
 *   <li>{@code GET /health}: the state of every stage in this process as JSON ({@link Health}), 200 when all run,
 *       503 otherwise; no token needed (it holds no data).</li>
 * </ul>
 */
public final class IngestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);
    private static final Metrics METRICS = Metrics.global();
    private static final String STAGE = "ingest";

    private final HttpServer server;
    private final ExecutorService executor;
    private final PagePublisher publisher;
    private final PageRequests requests;
    private final List<byte[]> tokens;
    private final int maxRequestBytes;
    private final int ackTimeoutMs;
    private final RateLimiter rateLimiter;
    private final java.time.Instant startedAt = java.time.Instant.now();
    private final java.util.function.Supplier<Health.Status> health = () -> Health.Status.running(0, startedAt);

    private IngestServer(IngestConfig config, PagePublisher publisher) throws IOException {
        this.publisher = publisher;
        this.requests = new PageRequests(config.getInt(IngestConfig.MAX_PAGE_BYTES), config.getString(IngestConfig.DEFAULT_CRAWLER));
        this.tokens = BearerTokens.bytes(config.tokens());
        this.maxRequestBytes = config.getInt(IngestConfig.MAX_REQUEST_BYTES);
        this.ackTimeoutMs = config.getInt(IngestConfig.ACK_TIMEOUT_MS);
        this.rateLimiter = new RateLimiter(config.getDouble(IngestConfig.RATE_LIMIT), config.getDouble(IngestConfig.RATE_BURST));
        this.server = HttpServer.create(new InetSocketAddress(config.getString(IngestConfig.HTTP_HOST),
                config.getInt(IngestConfig.HTTP_PORT)), 64);
        this.executor = Executors.newFixedThreadPool(config.getInt(IngestConfig.HTTP_THREADS), r -> {
            Thread t = new Thread(r, "ingest-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/pages", this::handlePages);
        server.createContext("/health", Health.global().handler());
        server.createContext("/metrics", Metrics.global().handler());
    }

    /** Starts the server; the publisher stays owned by the caller. */
    public static IngestServer start(IngestConfig config, PagePublisher publisher) throws IOException {
        IngestServer s = new IngestServer(config, publisher);
        s.server.start();
        Health.global().register(STAGE, s.health);
        LOG.info("Ingest endpoint listening on http://{}:{}/pages{}", config.getString(IngestConfig.HTTP_HOST),
                s.port(), s.tokens.isEmpty() ? "" : " (bearer token required)");
        return s;
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handlePages(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "POST");
                discardUnreadBody(ex, maxRequestBytes);
                error(ex, 405, "use POST to send pages");
                return;
            }
            if (!authorised(ex)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                discardUnreadBody(ex, maxRequestBytes);
                error(ex, 401, "missing or invalid bearer token");
                return;
            }
            byte[] body = readLimited(ex.getRequestBody());
            if (body == null) {
                discardUnreadBody(ex, maxRequestBytes);
                error(ex, 413, "request body is over the limit of " + maxRequestBytes + " bytes");
                return;
            }
            List<KeyedPage> pages = parse(ex, body);
            long wait = rateLimiter.acquire(clientOf(ex), pages.size(), System.nanoTime());
            if (wait > 0) {
                METRICS.recordFailed(STAGE, "rate-limited");
                ex.getResponseHeaders().add("Retry-After", Long.toString(wait));
                error(ex, 429, "rate limit exceeded; retry after " + wait + " s");
                return;
            }
            publishAll(ex, pages);
        } catch (PayloadException e) {
            METRICS.recordFailed(STAGE, "bad-request");
            error(ex, 400, e.getMessage());
        } catch (PageRequests.PageTooLargeException e) {
            METRICS.recordFailed(STAGE, "too-large");
            error(ex, 413, e.getMessage());
        } catch (RuntimeException e) {
            // Never a stack trace in the response: log it, answer plainly.
            LOG.error("Unexpected error handling {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            error(ex, 500, "internal error");
        } finally {
            METRICS.processed(STAGE, System.nanoTime() - start);
            ex.close();
        }
    }

    private List<KeyedPage> parse(HttpExchange ex, byte[] body) throws IOException {
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        List<KeyedPage> pages = new ArrayList<>();
        if (type.contains("ndjson") || type.contains("jsonlines") || type.contains("json-seq")) {
            // All or nothing: the first bad line refuses the whole request.
            BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
            requests.readLines(lines, UnaryOperator.identity(), new PageRequests.LineHandler() {
                @Override
                public void page(long lineNo, KeyedPage page) {
                    pages.add(page);
                }

                @Override
                public void invalid(long lineNo, RuntimeException error) {
                    if (error instanceof PayloadException e) {
                        throw new PayloadException(e.reason(), "line " + lineNo + ": " + e.getMessage(), e);
                    }
                    throw error;
                }
            });
        } else {
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new PayloadException("invalid-json", "invalid JSON: " + e.getMessage().split("\n")[0], e);
            }
            if (node != null && node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        pages.add(requests.fromNode(node.get(i)));
                    } catch (PayloadException e) {
                        throw new PayloadException(e.reason(), "item " + i + ": " + e.getMessage(), e);
                    }
                }
            } else {
                pages.add(requests.fromNode(node));
            }
        }
        if (pages.isEmpty()) {
            throw new PayloadException("invalid-json", "no pages in the request");
        }
        return pages;
    }

    private void publishAll(HttpExchange ex, List<KeyedPage> pages) throws IOException {
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        for (KeyedPage p : pages) {
            METRICS.recordIn(STAGE);
            acks.add(publisher.publish(p));
        }
        try {
            CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).get(ackTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Not acknowledged: the crawler must retry (same URL gives the same key; the store upserts).
            LOG.warn("Kafka did not acknowledge {} page(s): {}", pages.size(), e.getCause() == null ? e : e.getCause().toString());
            METRICS.recordFailed(STAGE, "unavailable");
            ex.getResponseHeaders().add("Retry-After", "5");
            error(ex, 503, "Kafka is unavailable or overloaded; retry later");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(ex, 503, "shutting down");
            return;
        }
        for (int i = 0; i < pages.size(); i++) {
            METRICS.recordOut(STAGE);
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("accepted", pages.size());
        ArrayNode keys = out.putArray("keys");
        for (KeyedPage p : pages) {
            keys.add(p.key());
        }
        respond(ex, 202, "application/json", Json.MAPPER.writeValueAsString(out) + "\n");
    }

    /** Who a request counts against for rate limiting: its token when it has one, else its address. */
    private static String clientOf(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.length() > 7) {
            return "token:" + dev.newswire.model.Keys.sha256Hex(auth.substring(7).strip());
        }
        return "addr:" + ex.getRemoteAddress().getAddress().getHostAddress();
    }

    private boolean authorised(HttpExchange ex) {
        return BearerTokens.authorised(tokens, ex.getRequestHeaders().getFirst("Authorization"));
    }

    /**
     * Reads and drops what is left of a refused request's body before answering, up to {@code limit} bytes (the
     * request size limit: a refused client costs no more than an accepted one). The JDK server drains only 64 KB
     * once the answer is sent, then closes the connection; closing it with unread request bytes makes the TCP
     * stack reset it, and the reset can destroy the 413 or 401 on its way: the client would see a broken
     * connection instead of the reason.
     */
    private static void discardUnreadBody(HttpExchange ex, long limit) {
        try {
            InputStream in = ex.getRequestBody();
            byte[] buf = new byte[64 * 1024];
            long drained = 0;
            int n;
            while (drained < limit && (n = in.read(buf)) > 0) {
                drained += n;
            }
        } catch (IOException e) {
            // the client gave up: nothing left to protect
        }
    }

    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        long total = 0;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxRequestBytes) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("error", message);
        out.put("status", status);
        respond(ex, status, "application/json", Json.MAPPER.writeValueAsString(out) + "\n");
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        Health.global().unregister(STAGE, health);
        server.stop(1);
        executor.shutdownNow();
    }
}
