package dev.newswire.enrich;

import dev.newswire.extract.Extractor;
import dev.newswire.metrics.Health;
import dev.newswire.metrics.Metrics;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.Topics;
import dev.newswire.tagger.Tagger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the enrich topology: load models, build, start, stop. */
public final class EnrichApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);

    static final String STAGE = "enrich";

    private final KafkaStreams streams;
    private final AtomicInteger replacedThreads = new AtomicInteger();
    private volatile String lastError;
    private final Instant startedAt = Instant.now();
    private final Supplier<Health.Status> health = this::status;

    private EnrichApp(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Kafka Streams properties for this configuration. */
    public static Properties streamsProperties(EnrichConfig config) {
        Properties p = new Properties();
        Map<String, Object> client = CommonConfig.kafkaClientProps(config);
        p.putAll(client);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(EnrichConfig.APPLICATION_ID));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getLong(EnrichConfig.COMMIT_INTERVAL_MS));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.getShort(CommonConfig.TOPICS_REPLICATION_FACTOR));
        // One dead-letter scheme: what escapes the processors is parked by our handler with our headers; Kafka
        // Streams' own dead-letter queue (errors.dead.letter.queue.topic.name, __streams.errors.* headers) stays off.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, EnrichDeadLetters.Handler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, EnrichDeadLetters.Handler.class);
        // No global stores here; set as Kafka Streams recommends (and warns otherwise) ahead of 5.0, where it is the default.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_MESSAGE_BYTES);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), Topics.MAX_MESSAGE_BYTES);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), 4 * Topics.MAX_MESSAGE_BYTES);
        // Pages take milliseconds each; keep a poll's batch small enough to finish well within the poll interval.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 200);
        // Static membership: a restart after a crash rejoins as the same member (Kafka Streams adds the thread's
        // index), so it need not wait out the dead member's session; its transactional ids stay the same too (the
        // process id is kept in the state directory), so the dead producer's open transaction is aborted at once.
        String instance = config.getString(EnrichConfig.GROUP_INSTANCE_ID);
        if (!instance.isBlank()) {
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instance);
        }
        return p;
    }

    /** Loads the extractor and tagger, starts the application and waits until it is running. */
    public static EnrichApp start(EnrichConfig config) throws InterruptedException {
        return start(config, loadEnricher(config));
    }

    /** Loads the extractor and tagger (seconds: the models), e.g. while the broker starts. */
    public static ArticleEnricher loadEnricher(EnrichConfig config) {
        long t0 = System.nanoTime();
        ArticleEnricher enricher = new ArticleEnricher(Extractor.create(), Tagger.load(),
                config.getInt(EnrichConfig.MAX_BODY_BYTES));
        LOG.info("Extractor and tagger loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
        return enricher;
    }

    /**
     * Loads the native library of the state stores (RocksDB, unpacked from its jar: a few hundred ms), e.g. while the
     * broker starts; otherwise Kafka Streams loads it when it opens the first store, on the way to running.
     */
    public static void loadStoreLibrary() {
        long t0 = System.nanoTime();
        org.rocksdb.RocksDB.loadLibrary();
        LOG.debug("RocksDB library loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Starts the application with a loaded enricher and waits until it is running. */
    public static EnrichApp start(EnrichConfig config, ArticleEnricher enricher) throws InterruptedException {
        checkStoriesTopic(config);
        KafkaStreams streams = new KafkaStreams(EnrichTopology.build(enricher, config.dedupSettings()),
                streamsProperties(config));
        Metrics.global().bind(streams);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.ERROR) {
                LOG.error("Enrich stopped in ERROR state");
                running.countDown();
            }
        });
        // A stream thread that dies of an unexpected error is replaced (its tasks resume from the last commit,
        // exactly once), instead of the default: the whole client in ERROR while the process keeps serving.
        EnrichApp app = new EnrichApp(streams);
        streams.setUncaughtExceptionHandler(e -> {
            int n = app.replacedThreads.incrementAndGet();
            app.lastError = e.toString();
            LOG.error("A stream thread died of an unexpected error; replacing it (replacement {})", n, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        Health.global().register(STAGE, app.health);
        streams.start();
        if (!running.await(60, TimeUnit.SECONDS)) {
            LOG.warn("Enrich is not RUNNING after 60 s (state {}); it keeps trying", streams.state());
        }
        LOG.info("Enrich running (application id {})", config.getString(EnrichConfig.APPLICATION_ID));
        return app;
    }

    /**
     * This stage's state from Kafka Streams': running (also while rebalancing), starting, failed (ERROR: every
     * thread gone), stopped; with the number of stream threads replaced after errors.
     */
    public Health.Status status() {
        int restarts = replacedThreads.get();
        return switch (streams.state()) {
            case RUNNING, REBALANCING -> Health.Status.running(restarts, startedAt);
            case CREATED -> new Health.Status(Health.State.STARTING, restarts, startedAt, null);
            case PENDING_ERROR, ERROR -> new Health.Status(Health.State.FAILED, restarts, Instant.now(), lastError);
            case PENDING_SHUTDOWN, NOT_RUNNING -> new Health.Status(Health.State.STOPPED, restarts, Instant.now(), lastError);
        };
    }

    /** The Kafka Streams state. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        Health.global().unregister(STAGE, health);
        // Leave the group on a clean stop: otherwise the next instance (or a restarted `run`) waits out the
        // departed member's session timeout (45 s) before its tasks are assigned.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }

    /**
     * Refuses to run when {@link Topics#ENRICHED} is missing or has more than one partition: story assignment is a
     * global decision that needs every article in one task (dedup/README.md). The launcher creates the topics.
     */
    static void checkStoriesTopic(EnrichConfig config) {
        Map<String, Object> props = new HashMap<>(CommonConfig.kafkaClientProps(config));
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        String topic = Topics.ENRICHED;
        try (Admin admin = Admin.create(props)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            if (partitions != 1) {
                throw new IllegalStateException("topic " + topic + " has " + partitions + " partitions; story assignment "
                        + "needs exactly one (see dedup/README.md)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot check topic " + topic + " (create it with exactly one partition): " + e, e);
        }
    }
}
