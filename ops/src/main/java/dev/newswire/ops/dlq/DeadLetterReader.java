package dev.newswire.ops.dlq;

import dev.newswire.model.EndOffsets;
import dev.newswire.model.Topics;
import dev.newswire.ops.cli.KafkaClients;
import dev.newswire.ops.cli.Progress;
import dev.newswire.ops.watch.RecordView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads the dead-letter topic from its start to its end as of now (committed records only). */
public final class DeadLetterReader {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private DeadLetterReader() {
    }

    /**
     * A dead letter with the record it carries (needed to replay it).
     *
     * @param view   decoded
     * @param record the record as read
     */
    public record Entry(RecordView view, ConsumerRecord<byte[], byte[]> record) {
    }

    /** Every dead letter of {@code topic} that {@code keep} accepts, oldest first. */
    public static List<Entry> read(Map<String, Object> clientProps, String topic, Predicate<RecordView> keep,
                                   Progress progress) {
        List<Entry> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.reader(clientProps, "newswire-dlq")) {
            List<TopicPartition> partitions = EndOffsets.partitionsOf(consumer, topic);
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long[] read = {0};
            Set<TopicPartition> unfinished = EndOffsets.now(consumer, partitions).read(consumer, READ_TIMEOUT, r -> {
                read[0]++;
                RecordView v = RecordView.of(r);
                if (keep.test(v)) {
                    out.add(new Entry(v, r));
                }
                if (progress != null) {
                    progress.maybe(read[0] + " dead letters read, " + out.size() + " selected");
                }
            });
            if (!unfinished.isEmpty()) {
                throw new IllegalStateException("could not read " + topic + " to its end within "
                        + READ_TIMEOUT.toSeconds() + " s");
            }
        }
        return out;
    }

    /** The default dead-letter topic. */
    public static String defaultTopic() {
        return Topics.DLQ;
    }
}
