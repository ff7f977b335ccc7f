package dev.newswire.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A standalone {@code /metrics} endpoint for a service that has no HTTP server of its own (enrich, sink). */
public final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;

    private MetricsServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@link Metrics#global()} at {@code http://127.0.0.1:PORT/metrics} (0: any free port). */
    public static MetricsServer start(int port) throws IOException {
        return start(Metrics.global(), "127.0.0.1", port);
    }

    /**
     * Serves {@code metrics} at {@code http://HOST:PORT/metrics}.
     *
     * @param host address to bind: 127.0.0.1, or 0.0.0.0 for a Prometheus on another machine
     */
    public static MetricsServer start(Metrics metrics, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/metrics", metrics.handler());
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "newswire-metrics-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("Prometheus metrics at http://{}:{}/metrics", host, server.getAddress().getPort());
        return new MetricsServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
