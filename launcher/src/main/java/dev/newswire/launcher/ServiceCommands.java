package dev.newswire.launcher;

import dev.newswire.enrich.EnrichApp;
import dev.newswire.enrich.EnrichConfig;
import dev.newswire.ingest.IngestConfig;
import dev.newswire.ingest.IngestServer;
import dev.newswire.ingest.PagePublisher;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.CommonOptions;
import dev.newswire.model.TopicAdmin;
import dev.newswire.sink.SinkApp;
import dev.newswire.sink.SinkConfig;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The stages as separate services, against an external cluster (or a running embedded one). */
final class ServiceCommands {

    private ServiceCommands() {
    }

    /** Runs until Ctrl-C, then closes {@code service} before the JVM exits. */
    static int serveUntilStopped(AutoCloseable service, String what) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newswire-shutdown"));
        System.err.println(what + " running; Ctrl-C to stop.");
        stop.await();
        try {
            service.close();
        } catch (Exception e) {
            System.err.println("Error while stopping: " + e);
        }
        stopped.countDown();
        return 0;
    }

    /**
     * The cluster's settings, with the pipeline's topics created and the metrics endpoint started as configured: how
     * every stage command starts.
     */
    static Map<String, String> clusterWithTopics(CommonOptions options) throws java.io.IOException {
        Map<String, String> config = options.clusterSettings();
        CommonConfig common = new CommonConfig(config);
        TopicAdmin.ensureTopics(common);
        int metricsPort = common.getInt(CommonConfig.METRICS_PORT);
        if (metricsPort > 0) {
            dev.newswire.metrics.MetricsServer.start(dev.newswire.metrics.Metrics.global(), "0.0.0.0", metricsPort);
            System.err.println("Prometheus metrics on http://0.0.0.0:" + metricsPort + "/metrics");
        }
        return config;
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true,
            description = "Run the enrich stage (Kafka Streams). Start several with the same enrich.application.id to scale out.")
    static final class Enrich implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() throws Exception {
            Map<String, String> config = clusterWithTopics(options);
            return serveUntilStopped(EnrichApp.start(new EnrichConfig(config)), "Enrich");
        }
    }

    @Command(name = "sink", mixinStandardHelpOptions = true,
            description = "Run the sink: news.articles into PostgreSQL (sink.jdbc.url), optionally forwarded to other topics.")
    static final class Sink implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() throws Exception {
            Map<String, String> config = clusterWithTopics(options);
            if (config.getOrDefault(SinkConfig.JDBC_URL, "").isBlank()) {
                throw new IllegalStateException("set sink.jdbc.url (--set sink.jdbc.url=jdbc:postgresql://HOST:5432/newswire)");
            }
            SinkApp sink = SinkApp.start(new SinkConfig(config));
            return serveUntilStopped(sink, "Sink");
        }
    }

    @Command(name = "ingest-server", mixinStandardHelpOptions = true,
            description = "Run the HTTP endpoint crawlers POST pages to (ingest.http.host, ingest.http.port).")
    static final class IngestServerCommand implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Override
        public Integer call() throws Exception {
            Map<String, String> config = clusterWithTopics(options);
            IngestConfig ic = new IngestConfig(config);
            PagePublisher publisher = new PagePublisher(CommonConfig.kafkaClientProps(ic));
            IngestServer server = IngestServer.start(ic, publisher);
            return serveUntilStopped(() -> {
                server.close();
                publisher.close();
            }, "Ingest endpoint on port " + server.port());
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = "Print every setting of every application as Markdown tables (defaults, types, documentation).")
    static final class ConfigDocs implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(ConfigTables.markdown());
            return 0;
        }
    }
}
