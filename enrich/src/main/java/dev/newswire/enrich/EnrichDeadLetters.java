package dev.newswire.enrich;

import dev.newswire.metrics.Metrics;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead letters of the enrich application, in one place. Both processors (enrich, stories) hand the records they
 * cannot turn into an article to {@link #forward}; {@link Handler} takes what escapes them, in place of Kafka
 * Streams' built-in dead-letter queue. Either way a dead letter is the original key and value with the
 * {@code newswire.error.*} provenance headers of {@link DeadLetters}, and is counted in
 * {@code newswire_records_failed_total{stage="enrich"}}.
 */
public final class EnrichDeadLetters {

    /** The stage named in the dead letters' headers and the metrics. */
    static final String STAGE = "enrich";
    /** Reason of a failure that escaped both processors (a bug): the stream goes on, the record is parked. */
    static final String ESCAPED = "enrich-failed";
    /** Reason of a record the source could not deserialise. */
    static final String UNREADABLE = "undeserializable";

    private static final Logger LOG = LoggerFactory.getLogger(EnrichDeadLetters.class);
    private static final Metrics METRICS = Metrics.global();

    private EnrichDeadLetters() {
    }

    /**
     * Sends {@code record} to the dead-letter sink {@code deadLetterSink} of the processor owning {@code context},
     * with its provenance.
     *
     * @param sourceTopic the topic the processor reads, named when the record's metadata is unknown (punctuation)
     */
    static void forward(ProcessorContext<String, byte[]> context, String deadLetterSink, String sourceTopic,
                        Record<String, byte[]> record, String reason, Throwable error) {
        RecordMetadata md = context.recordMetadata().orElse(null);
        String topic = md == null ? sourceTopic : md.topic();
        int partition = md == null ? -1 : md.partition();
        long offset = md == null ? -1 : md.offset();
        Record<String, byte[]> dead = record.withHeaders(record.headers());
        DeadLetters.addProvenance(dead.headers(), STAGE, reason, error, topic, partition, offset);
        context.forward(dead, deadLetterSink);
        counted(topic, partition, offset, record.key(), reason, error);
    }

    /** A dead letter of the raw record a handler was given. */
    static ProducerRecord<byte[], byte[]> of(ErrorHandlerContext context, byte[] key, byte[] value, String reason,
                                             Exception error) {
        Headers headers = new RecordHeaders(context.headers().toArray());
        DeadLetters.addProvenance(headers, STAGE, reason, error, context.topic(), context.partition(), context.offset());
        counted(context.topic(), context.partition(), context.offset(), key, reason, error);
        return new ProducerRecord<>(Topics.DLQ, null, context.timestamp(), key, value, headers);
    }

    private static void counted(String topic, int partition, long offset, Object key, String reason, Throwable error) {
        LOG.warn("Dead letter from {}-{}@{} (key {}): {}: {}", topic, partition, offset,
                key instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : key,
                reason, error.getMessage());
        METRICS.recordFailed(STAGE, reason);
    }

    /**
     * What Kafka Streams calls when a record escapes the processors or cannot be deserialised: park it as a dead
     * letter and go on, so a bad record never stops the stream. A failure without a source record (a punctuation)
     * is logged: there is nothing to park.
     */
    public static final class Handler implements ProcessingExceptionHandler, DeserializationExceptionHandler {

        @Override
        public void configure(Map<String, ?> configs) {
        }

        @Override
        public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                               Exception exception) {
            if (context.sourceRawValue() == null && context.sourceRawKey() == null) {
                LOG.error("Enrich failed outside any record in {}", context.processorNodeId(), exception);
                METRICS.recordFailed(STAGE, ESCAPED);
                return ProcessingExceptionHandler.Response.resume();
            }
            return ProcessingExceptionHandler.Response.resume(List.of(
                    of(context, context.sourceRawKey(), context.sourceRawValue(), ESCAPED, exception)));
        }

        @Override
        public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                    ConsumerRecord<byte[], byte[]> record,
                                                                    Exception exception) {
            return DeserializationExceptionHandler.Response.resume(List.of(
                    of(context, record.key(), record.value(), UNREADABLE, exception)));
        }
    }
}
