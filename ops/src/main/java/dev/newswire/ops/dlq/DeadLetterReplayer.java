package dev.newswire.ops.dlq;

import dev.newswire.model.DeadLetters;
import dev.newswire.model.Topics;
import dev.newswire.ops.watch.RecordView;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends a dead letter back to where it came from: same key and value, the original headers without the error
 * provenance, plus {@link #REPLAYED_FROM}. Replaying is harmless downstream even when repeated: the article id is
 * derived from the canonical URL and the sink upserts by that id, so a page replayed twice is stored once.
 */
public final class DeadLetterReplayer {

    /** Header naming the dead letter a replayed record came from: {@code news.dlq/0@17}. */
    public static final String REPLAYED_FROM = "newswire.replayed.from";

    private final Producer<byte[], byte[]> producer;
    private final String targetOverride;

    /**
     * @param producer       an idempotent producer
     * @param targetOverride topic to send every replay to, or null for each dead letter's source topic
     */
    public DeadLetterReplayer(Producer<byte[], byte[]> producer, String targetOverride) {
        this.producer = producer;
        this.targetOverride = targetOverride;
    }

    /** Where {@code dead} goes: the override, else its source topic when it is a pipeline topic, else news.raw. */
    public String target(RecordView dead) {
        if (targetOverride != null) {
            return targetOverride;
        }
        String source = dead.deadLetter() == null ? null : dead.deadLetter().sourceTopic();
        return Topics.ARTICLES.equals(source) ? Topics.ARTICLES : Topics.RAW;
    }

    /** Sends one dead letter and waits for the acknowledgement. */
    public RecordMetadata replay(DeadLetterReader.Entry entry) throws InterruptedException, ExecutionException {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : entry.record().headers()) {
            if (!h.key().startsWith(DeadLetters.PREFIX) && !h.key().equals(REPLAYED_FROM)) {
                headers.add(h);
            }
        }
        headers.add(REPLAYED_FROM, entry.view().position().getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(target(entry.view()), null,
                entry.record().key(), entry.record().value(), headers);
        return producer.send(record).get();
    }
}
