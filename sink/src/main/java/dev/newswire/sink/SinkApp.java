package dev.newswire.sink;

import dev.newswire.metrics.Metrics;
import dev.newswire.model.Article;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.PayloadException;
import dev.newswire.model.Serdes;
import dev.newswire.model.Topics;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@link Topics#ARTICLES} (read_committed) and writes each batch to the {@link ArticleStore} together with
 * the offsets it consumed, in one database transaction. On (re)assignment it resumes from the offsets stored in
 * the database, so nothing is lost or doubled whatever fails in between; Kafka's committed offsets follow for lag
 * monitoring. Unreadable records go to {@link Topics#DLQ}; a database outage pauses consumption and retries.
 */
public final class SinkApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkApp.class);
    private static final Metrics METRICS = Metrics.global();
    static final String STAGE = "sink";

    private final SinkConfig config;
    private final ArticleStore store;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final String group;
    private final List<String> forwardTopics;
    private final List<Consumer<Article>> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long stored;
    private final int haltAfterBatches;
    private int batchesWritten;

    private SinkApp(SinkConfig config, ArticleStore store) {
        this.config = config;
        this.store = store;
        this.group = config.getString(SinkConfig.GROUP_ID);
        this.forwardTopics = config.getList(SinkConfig.FORWARD_TOPICS);
        this.haltAfterBatches = config.getInt(SinkConfig.FAULT_HALT_AFTER_BATCHES);
        Map<String, Object> client = CommonConfig.kafkaClientProps(config);
        Map<String, Object> c = new HashMap<>(client);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(SinkConfig.BATCH_MAX));
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newswire-sink");
        this.consumer = new KafkaConsumer<>(c, Serdes.key().deserializer(), Serdes.bytes().deserializer());
        Map<String, Object> p = new HashMap<>(client);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newswire-sink-producer");
        this.producer = new KafkaProducer<>(p, Serdes.key().serializer(), Serdes.bytes().serializer());
        METRICS.bind(consumer);
        METRICS.bind(producer);
        this.thread = new Thread(this::run, "newswire-sink");
    }

    /** Migrates the database and starts consuming on a thread of its own. */
    public static SinkApp start(SinkConfig config) throws SQLException {
        ArticleStore store = new ArticleStore(config.getString(SinkConfig.JDBC_URL), config.getString(SinkConfig.JDBC_USER),
                config.getPassword(SinkConfig.JDBC_PASSWORD).value());
        store.migrate();
        SinkApp app = new SinkApp(config, store);
        app.thread.start();
        LOG.info("Sink consuming {} into the database (group {})", Topics.ARTICLES, app.group);
        return app;
    }

    /** Called with every article once it is committed to the database. */
    public void onStored(Consumer<Article> listener) {
        listeners.add(listener);
    }

    /** Articles written since start (re-writes included). */
    public long storedCount() {
        return stored;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.ARTICLES), new ResumeFromDatabase());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Sink stopped by an unexpected error", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        List<Article> articles = new ArrayList<>();
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            METRICS.recordIn(STAGE);
            try {
                articles.add(Json.readArticle(r.value()));
            } catch (PayloadException e) {
                deadLetter(r, e.reason(), e);
            }
            next.merge(r.partition(), r.offset() + 1, Math::max);
        }
        long dbStart = System.nanoTime();
        writeWithRetry(articles, next);
        METRICS.sinkBatch(articles.size(), System.nanoTime() - dbStart);
        if (haltAfterBatches > 0 && ++batchesWritten >= haltAfterBatches) {
            LOG.warn("Fault injection: halting after database commit {} and before the Kafka offset commit", batchesWritten);
            Runtime.getRuntime().halt(137);
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        next.forEach((p, o) -> commit.put(new TopicPartition(Topics.ARTICLES, p), new OffsetAndMetadata(o)));
        consumer.commitAsync(commit, null);
        stored += articles.size();
        for (Article a : articles) {
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

    private void writeWithRetry(List<Article> articles, Map<Integer, Long> next) {
        long backoff = config.getLong(SinkConfig.RETRY_BACKOFF_MS);
        int attempt = 0;
        boolean sifted = false;
        while (true) {
            try {
                store.write(articles, group, Topics.ARTICLES, next);
                if (attempt > 0) {
                    consumer.resume(consumer.assignment());
                    LOG.info("Database is back; wrote {} article(s) after {} retries", articles.size(), attempt);
                }
                return;
            } catch (SQLException e) {
                if (!isRetriable(e)) {
                    if (sifted) {
                        throw new IllegalStateException("the database refuses a batch whose articles it accepts one by one", e);
                    }
                    sifted = true;
                    // The data, not the database: find the article(s) it refuses, park them, store the rest.
                    LOG.warn("Database refused a batch of {} ({}: {}); writing one by one", articles.size(), e.getSQLState(), e.getMessage());
                    articles = withoutRefused(articles);
                    continue;
                }
                attempt++;
                if (!running) {
                    throw new WakeupException();
                }
                if (attempt == 1 || attempt % 20 == 0) {
                    LOG.warn("Database write failed (attempt {}), retrying every {} ms: {}", attempt, backoff, e.getMessage());
                }
                // Keep the group membership alive while waiting, without fetching more.
                consumer.pause(consumer.assignment());
                consumer.poll(Duration.ofMillis(backoff));
            }
        }
    }

    /**
     * Connection loss, shutdown, lack of resources and transaction conflicts pass; data errors (22xxx), constraint
     * violations (23xxx) and the like do not, so retrying them would block the partition for ever.
     */
    static boolean isRetriable(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("40") || state.startsWith("58");
    }

    /** Tries each article alone; those the database refuses become dead letters. */
    private List<Article> withoutRefused(List<Article> articles) {
        List<Article> accepted = new ArrayList<>();
        for (Article a : articles) {
            try {
                store.check(a);
                accepted.add(a);
            } catch (SQLException e) {
                if (isRetriable(e)) {
                    accepted.add(a); // the database went away meanwhile: the normal retry handles it
                    continue;
                }
                ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.DLQ, a.id(), Json.write(a));
                DeadLetters.addProvenance(dead.headers(), STAGE, "store-rejected", e, Topics.ARTICLES, -1, -1);
                METRICS.recordFailed(STAGE, "store-rejected");
                sendDeadLetter(dead);
            }
        }
        return accepted;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, String reason, Exception e) {
        LOG.warn("Dead letter from {}-{}@{}: {}: {}", r.topic(), r.partition(), r.offset(), reason, e.getMessage());
        METRICS.recordFailed(STAGE, reason);
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.DLQ, null, r.key(), r.value(), r.headers());
        DeadLetters.addProvenance(dead.headers(), STAGE, reason, e, r.topic(), r.partition(), r.offset());
        sendDeadLetter(dead);
    }

    private void sendDeadLetter(ProducerRecord<String, byte[]> dead) {
        try {
            producer.send(dead).get();
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
        consumer.wakeup();
        thread.join(15_000);
        producer.close(Duration.ofSeconds(5));
    }
}
