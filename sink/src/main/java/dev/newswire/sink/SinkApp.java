package dev.newswire.sink;

import dev.newswire.metrics.Health;
import dev.newswire.metrics.Metrics;
import dev.newswire.model.Article;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.Serdes;
import dev.newswire.model.Topics;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink: consumes {@link Topics#ARTICLES} (read_committed) and hands each polled batch to a {@link BatchWriter},
 * which writes it to the {@link ArticleStore} together with the offsets it consumed, in one database transaction. On
 * (re)assignment it resumes from the offsets stored in the database, so nothing is lost or doubled whatever fails in
 * between; Kafka's committed offsets follow for lag monitoring. Records the writer rejects go to {@link Topics#DLQ}
 * unchanged, with their provenance; a database outage pauses consumption and retries; stored articles are forwarded
 * to {@code sink.forward.topics} after the commit.
 */
public final class SinkApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkApp.class);
    private static final Metrics METRICS = Metrics.global();
    static final String STAGE = "sink";
    private static final long INITIAL_BACKOFF_MS = 1_000;
    private static final long MAX_BACKOFF_MS = 30_000;
    /** A loop that ran this long before dying was healthy: the back-off starts from the beginning again. */
    private static final long HEALTHY_RUN_NANOS = 60_000_000_000L;

    private final SinkConfig config;
    private final ArticleStore store;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final BatchWriter writer;
    private final String group;
    private final List<String> forwardTopics;
    private final List<Consumer<Article>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> deadLetterListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long stored;
    private volatile Health.Status status = new Health.Status(Health.State.STARTING, 0, Instant.now(), null);
    private final Supplier<Health.Status> health = () -> status;
    private final Object backoffLock = new Object();

    private SinkApp(SinkConfig config, ArticleStore store) {
        this.config = config;
        this.store = store;
        this.group = config.getString(SinkConfig.GROUP_ID);
        this.forwardTopics = config.getList(SinkConfig.FORWARD_TOPICS);
        Map<String, Object> client = CommonConfig.kafkaClientProps(config);
        Map<String, Object> p = new HashMap<>(client);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newswire-sink-producer");
        this.producer = new KafkaProducer<>(p, Serdes.key().serializer(), Serdes.bytes().serializer());
        this.writer = new BatchWriter(store, group, Topics.ARTICLES, this::deadLetter, this::waitForDatabase);
        METRICS.bind(producer);
        this.thread = new Thread(this::run, "newswire-sink");
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> c = new HashMap<>(CommonConfig.kafkaClientProps(config));
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(SinkConfig.BATCH_MAX));
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-sink");
        String instance = config.getString(SinkConfig.GROUP_INSTANCE_ID);
        if (!instance.isBlank()) {
            c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instance);
        }
        return new KafkaConsumer<>(c, Serdes.key().deserializer(), Serdes.bytes().deserializer());
    }

    /** Migrates the database of {@code sink.jdbc.url} and starts consuming on a thread of its own. */
    public static SinkApp start(SinkConfig config) throws SQLException {
        return start(config, PostgresArticleStore.of(config));
    }

    /** Migrates {@code store} and starts consuming into it on a thread of its own. */
    public static SinkApp start(SinkConfig config, ArticleStore store) throws SQLException {
        store.migrate();
        SinkApp app = new SinkApp(config, store);
        Health.global().register(STAGE, app.health);
        app.thread.start();
        LOG.info("Sink consuming {} into the database (group {})", Topics.ARTICLES, app.group);
        return app;
    }

    /** Called with every article once it is committed to the database. */
    public void onStored(Consumer<Article> listener) {
        listeners.add(listener);
    }

    /** Called with the reason of every record the sink parks in the dead-letter topic instead of storing it. */
    public void onDeadLettered(Consumer<String> listener) {
        deadLetterListeners.add(listener);
    }

    /** Articles written since start (re-writes included). */
    public long storedCount() {
        return stored;
    }

    /** This sink's state: starting, running, restarting its loop after an error (with the error), stopped. */
    public Health.Status status() {
        return status;
    }

    /**
     * The consuming loop, started again with a growing back-off (up to {@value #MAX_BACKOFF_MS} ms) whenever it dies
     * of an unexpected error, with a new consumer that resumes from the offsets in the database: a dead loop must
     * not leave a process that looks alive. {@link #status()} (and {@code GET /health}) show it.
     */
    private void run() {
        long backoff = INITIAL_BACKOFF_MS;
        int restarts = 0;
        while (running) {
            long startedAt = System.nanoTime();
            try {
                consumeUntilStopped(restarts);
                break;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                if (System.nanoTime() - startedAt > HEALTHY_RUN_NANOS) {
                    backoff = INITIAL_BACKOFF_MS;
                }
                restarts++;
                LOG.error("Sink loop died of an unexpected error; starting it again in {} ms (restart {})", backoff, restarts, e);
                status = new Health.Status(Health.State.RESTARTING, restarts, Instant.now(), e.toString());
            }
            synchronized (backoffLock) {
                try {
                    if (running) {
                        backoffLock.wait(backoff);
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
        status = new Health.Status(Health.State.STOPPED, status.restarts(), Instant.now(), null);
    }

    private void consumeUntilStopped(int restarts) {
        KafkaConsumer<String, byte[]> c = newConsumer();
        AutoCloseable meters = METRICS.bind(c);
        consumer = c;
        try {
            c.subscribe(List.of(Topics.ARTICLES), new ResumeFromDatabase());
            status = Health.Status.running(restarts, Instant.now());
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            try {
                c.close(Duration.ofSeconds(5));
                meters.close();
            } catch (Exception e) {
                LOG.warn("Error closing the sink's consumer: {}", e.toString());
            }
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            METRICS.recordIn(STAGE);
            batch.add(r);
        }
        long dbStart = System.nanoTime();
        BatchWriter.Result result = writer.write(batch);
        METRICS.sinkBatch(result.stored().size(), System.nanoTime() - dbStart);
        if (result.retries() > 0) {
            consumer.resume(consumer.assignment());
            LOG.info("Database is back; wrote {} article(s) after {} retries", result.stored().size(), result.retries());
        }
        // The offsets are in the database already; Kafka's copy is for lag monitoring.
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        result.nextOffsets().forEach((p, o) -> commit.put(new TopicPartition(Topics.ARTICLES, p), new OffsetAndMetadata(o)));
        consumer.commitAsync(commit, null);
        stored += result.stored().size();
        for (Article a : result.stored()) {
            METRICS.recordOut(STAGE);
            METRICS.stored(a.fetchedAt());
            for (String t : forwardTopics) {
                producer.send(new ProducerRecord<>(t, a.id(), Json.write(a)));
            }
            for (Consumer<Article> l : listeners) {
                try {
                    l.accept(a);
                } catch (RuntimeException e) {
                    LOG.warn("Stored-article listener failed", e);
                }
            }
        }
    }

    /** While the database is away: keep the group membership alive without fetching more, until it is back or we stop. */
    private void waitForDatabase(int attempt, SQLException error) {
        if (!running) {
            throw new WakeupException();
        }
        long backoff = config.getLong(SinkConfig.RETRY_BACKOFF_MS);
        if (attempt == 1 || attempt % 20 == 0) {
            LOG.warn("Database write failed (attempt {}), retrying every {} ms: {}", attempt, backoff, error.getMessage());
        }
        consumer.pause(consumer.assignment());
        consumer.poll(Duration.ofMillis(backoff));
    }

    /**
     * Parks a record the sink cannot store: the original key, value and headers, with the provenance headers (its
     * real partition and offset), and waits for Kafka's acknowledgement, since the offsets move past it next.
     */
    private void deadLetter(BatchWriter.Rejected rejected) {
        ConsumerRecord<String, byte[]> r = rejected.record();
        LOG.warn("Dead letter from {}-{}@{}: {}: {}", r.topic(), r.partition(), r.offset(), rejected.reason(),
                rejected.error().getMessage());
        METRICS.recordFailed(STAGE, rejected.reason());
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.DLQ, null, r.key(), r.value(),
                new RecordHeaders(r.headers().toArray()));
        DeadLetters.addProvenance(dead.headers(), STAGE, rejected.reason(), rejected.error(), r.topic(), r.partition(), r.offset());
        try {
            producer.send(dead).get();
            for (Consumer<String> l : deadLetterListeners) {
                l.accept(rejected.reason());
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        } catch (java.util.concurrent.ExecutionException ee) {
            // Without the dead letter we must not move past the record.
            throw new IllegalStateException("cannot write dead letter: " + ee.getCause(), ee);
        }
    }

    private final class ResumeFromDatabase implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<Integer, Long> offsets;
            while (true) {
                try {
                    offsets = store.readOffsets(group, Topics.ARTICLES);
                    break;
                } catch (SQLException e) {
                    LOG.warn("Cannot read stored offsets, retrying: {}", e.getMessage());
                    try {
                        Thread.sleep(config.getLong(SinkConfig.RETRY_BACKOFF_MS));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            for (TopicPartition tp : partitions) {
                Long o = offsets.get(tp.partition());
                if (o != null) {
                    consumer.seek(tp, o);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        synchronized (backoffLock) {
            backoffLock.notifyAll();
        }
        thread.join(15_000);
        producer.close(Duration.ofSeconds(5));
        Health.global().unregister(STAGE, health);
    }
}
