package dev.newswire.launcher;

import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.embedded.EmbeddedCluster;
import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.embedded.OrphanedPostgres;
import dev.newswire.enrich.ArticleEnricher;
import dev.newswire.enrich.EnrichApp;
import dev.newswire.enrich.EnrichConfig;
import dev.newswire.ingest.IngestConfig;
import dev.newswire.ingest.IngestServer;
import dev.newswire.ingest.PagePublisher;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.CommonOptions;
import dev.newswire.model.EmbeddedDefault;
import dev.newswire.model.TopicAdmin;
import dev.newswire.metrics.Metrics;
import dev.newswire.ops.console.ConsoleConfig;
import dev.newswire.ops.console.ConsoleServer;
import dev.newswire.sink.PostgresArticleStore;
import dev.newswire.sink.SinkApp;
import dev.newswire.sink.SinkConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: the embedded broker and database (unless {@code bootstrap.servers} and
 * {@code sink.jdbc.url} point elsewhere), the topics, sink, enrich and the ingest endpoint. Used by
 * {@code newswire run} and by the end-to-end tests.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** Ports the embedded default prefers, so that other tools can find it; a free port is taken if busy. */
    public static final int PREFERRED_KAFKA_PORT = 19092;
    public static final int PREFERRED_POSTGRES_PORT = 15432;
    public static final int PREFERRED_CONSOLE_PORT = 8471;
    /** The static group member id of the embedded run's enrich and sink. */
    static final String RUN_INSTANCE_ID = "newswire-run";

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, String> settings;
    private EmbeddedKafka kafka;
    private EmbeddedCluster cluster;
    private int brokers = 1;
    private SinkApp sink;
    private EnrichApp enrich;
    private IngestServer ingest;
    private PagePublisher publisher;
    private ConsoleServer console;
    private Path runFile;

    private Pipeline(Map<String, String> settings) {
        this.settings = new HashMap<>(settings);
    }

    /**
     * Starts everything.
     *
     * @param settings  merged configuration (see {@link CommonOptions#settings()})
     * @param dataDir   where the embedded broker and database keep their data
     * @param preferred whether to try the well-known ports first (false in tests: always free ports)
     */
    public static Pipeline start(Map<String, String> settings, Path dataDir, boolean preferred) throws Exception {
        return start(settings, dataDir, preferred, 1);
    }

    /**
     * Starts everything, with an embedded cluster of {@code brokers} nodes, each in a JVM of its own, when there is
     * more than one (topics then replicated {@value EmbeddedCluster#REPLICATION} times, min.insync.replicas 2).
     */
    public static Pipeline start(Map<String, String> settings, Path dataDir, boolean preferred, int brokers) throws Exception {
        Pipeline p = new Pipeline(settings);
        p.brokers = brokers;
        try {
            p.startAll(dataDir, preferred);
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
        return p;
    }

    private void startAll(Path dataDir, boolean preferred) throws Exception {
        // The models (and the state stores' native library) load on the other core while the broker and the
        // database start.
        CompletableFuture<ArticleEnricher> models = new CompletableFuture<>();
        EnrichConfig modelConfig = new EnrichConfig(settings); // read here: the other start-up tasks change settings
        Thread loader = new Thread(() -> {
            try {
                ArticleEnricher enricher = EnrichApp.loadEnricher(modelConfig);
                EnrichApp.loadStoreLibrary();
                models.complete(enricher);
            } catch (RuntimeException | Error e) {
                models.completeExceptionally(e);
            }
        }, "newswire-load-models");
        loader.setDaemon(true);
        loader.start();
        // The database starts beside the broker: stopping an orphaned PostgreSQL and starting ours is mostly waiting
        // for other processes, which the broker's start (CPU-bound) need not wait for, nor they for it.
        CompletableFuture<EmbeddedDatabase> database = settings.getOrDefault(SinkConfig.JDBC_URL, "").isBlank()
                ? startDatabase(dataDir.resolve("postgres"), preferred, new HashMap<>(settings)) : null;
        Throwable brokerFailed = null;
        try {
            startBroker(dataDir, preferred);
        } catch (Exception | Error e) {
            brokerFailed = e;
        }
        // Whether the broker came up or not, the database is this pipeline's to close once it is up.
        if (database != null) {
            try {
                EmbeddedDatabase db = join(database);
                started.add(db);
                settings.put(SinkConfig.JDBC_URL, db.jdbcUrl());
            } catch (Exception | Error e) {
                if (brokerFailed == null) {
                    throw e;
                }
                brokerFailed.addSuppressed(e);
            }
        }
        if (brokerFailed instanceof Exception e) {
            throw e;
        } else if (brokerFailed instanceof Error e) {
            throw e;
        }
        settings.putIfAbsent(EnrichConfig.STATE_DIR, dataDir.resolve("streams").toString());
        CommonConfig common = new CommonConfig(settings);
        TopicAdmin.ensureTopics(common);
        if (kafka != null || cluster != null) {
            // this data directory's cluster: a crashed run may have left a transaction nothing will ever end
            HangingTransactions.abortAll(common.kafkaClientProps());
        }
        // The way in first: pages are accepted (acknowledged by Kafka) while enrich loads its models.
        IngestConfig ingestConfig = new IngestConfig(settings);
        publisher = new PagePublisher(common.kafkaClientProps());
        started.add(publisher);
        Map<String, String> ingestSettings = new HashMap<>(settings);
        if (ingestConfig.getInt(IngestConfig.HTTP_PORT) != 0) {
            ingestSettings.put(IngestConfig.HTTP_PORT, Integer.toString(freeOr(ingestConfig.getInt(IngestConfig.HTTP_PORT))));
        }
        ingest = IngestServer.start(new IngestConfig(ingestSettings), publisher);
        started.add(ingest);
        sink = SinkApp.start(new SinkConfig(settings));
        started.add(sink);
        enrich = EnrichApp.start(new EnrichConfig(settings), join(models));
        started.add(enrich);
        ConsoleConfig consoleConfig = new ConsoleConfig(settings);
        console = ConsoleServer.start(common.kafkaClientProps(), new ConsoleServer.Database(jdbcUrl(),
                        settings.get(SinkConfig.JDBC_USER), settings.get(SinkConfig.JDBC_PASSWORD)),
                consoleConfig.host(), preferred ? freeOr(consoleConfig.port()) : 0, consoleConfig.tokens(), Metrics.global());
        started.add(console);
        recordRun(dataDir);
    }

    // The embedded broker, or cluster of brokers, unless bootstrap.servers points elsewhere.
    private void startBroker(Path dataDir, boolean preferred) throws Exception {
        if (settings.getOrDefault(CommonConfig.BOOTSTRAP_SERVERS, "").isBlank()) {
            if (brokers > 1) {
                cluster = EmbeddedCluster.start(dataDir, brokers, List.of());
                started.add(cluster);
                settings.put(CommonConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers());
                settings.putIfAbsent(CommonConfig.TOPICS_REPLICATION_FACTOR,
                        Integer.toString(Math.min(EmbeddedCluster.REPLICATION, brokers)));
            } else {
                Path kafkaDir = dataDir.resolve(EmbeddedDefault.BROKER_DIR);
                kafka = EmbeddedKafka.start(kafkaDir, preferred ? portOrZero(PREFERRED_KAFKA_PORT, kafkaDir) : 0);
                started.add(kafka);
                settings.put(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            }
            // The data directory owns this cluster, so this run is the one enrich and sink member: after a crash
            // the next run takes their place at once (static membership) instead of waiting out their sessions.
            settings.putIfAbsent(EnrichConfig.GROUP_INSTANCE_ID, RUN_INSTANCE_ID);
            settings.putIfAbsent(SinkConfig.GROUP_INSTANCE_ID, RUN_INSTANCE_ID);
        }
    }

    // On a thread of its own. A run killed with -9 leaves its PostgreSQL running on the directory (and the port):
    // that one is stopped first, then ours starts, and the sink's schema is migrated (the sink's own start then
    // finds nothing to do) while the broker is still starting.
    private static CompletableFuture<EmbeddedDatabase> startDatabase(Path pgDir, boolean preferred,
                                                                     Map<String, String> sinkSettings) {
        CompletableFuture<EmbeddedDatabase> db = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            EmbeddedDatabase started = null;
            try {
                OrphanedPostgres.stopIfRunning(pgDir);
                started = EmbeddedDatabase.start(pgDir, preferred ? freeOr(PREFERRED_POSTGRES_PORT) : 0);
                sinkSettings.put(SinkConfig.JDBC_URL, started.jdbcUrl());
                PostgresArticleStore.of(new SinkConfig(sinkSettings)).migrate();
                db.complete(started);
            } catch (Exception | Error e) {
                if (started != null) {
                    try {
                        started.close();
                    } catch (IOException | RuntimeException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                db.completeExceptionally(e);
            }
        }, "newswire-start-database");
        starter.setDaemon(true);
        starter.start();
        return db;
    }

    // The result of a start-up task, or the exception it failed with.
    private static <T> T join(CompletableFuture<T> task) throws Exception {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    // Where `newswire status` finds this run's /health; removed again on close.
    private void recordRun(Path dataDir) throws IOException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        p.setProperty("ingest.port", Integer.toString(ingest.port()));
        p.setProperty("console.port", Integer.toString(console.port()));
        Path file = dataDir.resolve(EmbeddedDefault.RUN_FILE);
        java.nio.file.Files.createDirectories(dataDir);
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            p.store(out, "the running newswire run: its process and HTTP ports (newswire status reads them)");
        }
        runFile = file;
    }

    // A data directory that already has a broker keeps its port; a new one takes the preferred port if free.
    private static int portOrZero(int preferred, Path kafkaDir) {
        if (java.nio.file.Files.exists(kafkaDir.resolve(EmbeddedDefault.PORTS_FILE))) {
            return 0;
        }
        return freeOr(preferred);
    }

    /** {@code port} if nothing listens there, else 0 (any free port). */
    static int freeOr(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            LOG.info("Port {} is busy; taking a free one", port);
            return 0;
        }
    }

    /** The merged settings, with the embedded addresses filled in. */
    public Map<String, String> settings() {
        return settings;
    }

    public String bootstrapServers() {
        return settings.get(CommonConfig.BOOTSTRAP_SERVERS);
    }

    public String jdbcUrl() {
        return settings.get(SinkConfig.JDBC_URL);
    }

    public int ingestPort() {
        return ingest.port();
    }

    /** The web console's address. */
    public String consoleUrl() {
        return console.url();
    }

    /** The multi-node embedded cluster, when the run has one ({@code --brokers 3}). */
    public EmbeddedCluster cluster() {
        return cluster;
    }

    public SinkApp sink() {
        return sink;
    }

    public EnrichApp enrich() {
        return enrich;
    }

    public PagePublisher publisher() {
        return publisher;
    }

    /** Stops the stages first, then the broker and database. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
        if (runFile != null) {
            try {
                java.nio.file.Files.deleteIfExists(runFile);
            } catch (IOException e) {
                LOG.warn("Cannot remove {}: {}", runFile, e.toString());
            }
        }
    }
}
