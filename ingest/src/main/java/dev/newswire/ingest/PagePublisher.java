package dev.newswire.ingest;

import dev.newswire.metrics.Metrics;
import dev.newswire.model.RawPageEnvelope;
import dev.newswire.model.Serdes;
import dev.newswire.model.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes raw pages to {@link Topics#RAW} as RawPage v2 envelopes (raw body bytes, no base64) with an idempotent producer, keyed by the normalised URL
 * ({@link KeyedPage}) so every version of a page lands on the same partition. Every way in (HTTP, files) sends
 * through one.
 */
public final class PagePublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AutoCloseable metricsBinding;

    /**
     * @param clientProps bootstrap servers and any client settings (TLS, SASL)
     */
    public PagePublisher(Map<String, Object> clientProps) {
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        // Pages are 20-300 KB: the default 16 KB batch would send each alone and cap throughput.
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        props.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        // Fail fast instead of blocking an HTTP thread for a minute when the broker is gone.
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newswire-ingest");
        this.producer = new KafkaProducer<>(props, Serdes.key().serializer(), Serdes.bytes().serializer());
        this.metricsBinding = Metrics.global().bind(producer);
    }

    /**
     * Sends one page under its key; the future completes when Kafka has acknowledged it (all in-sync replicas).
     * Fails fast (in at most {@code max.block.ms}) when the producer's buffer is full or the broker unknown.
     */
    public CompletableFuture<RecordMetadata> publish(KeyedPage page) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.RAW, page.key(), RawPageEnvelope.write(page.page())), (md, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(md);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Sends whatever is buffered and waits for it. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        try {
            metricsBinding.close();
        } catch (Exception e) {
            // metrics only
        }
        producer.close();
    }
}
