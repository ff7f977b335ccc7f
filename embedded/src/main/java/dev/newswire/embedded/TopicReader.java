package dev.newswire.embedded;

import dev.newswire.model.EndOffsets;
import dev.newswire.model.Serdes;
import dev.newswire.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic up to its current end, as a read_committed consumer sees it (tests and checks). */
public final class TopicReader {

    /** A bound against a broker that stopped answering, not a timing assertion. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicReader() {
    }

    /**
     * Every record of {@code topic} up to the end offsets at the time of the call.
     *
     * @throws IllegalStateException when the topic is not read to its end within a minute
     */
    public static List<ConsumerRecord<String, byte[]>> readCommitted(String bootstrap, String topic) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, Serdes.key().deserializer(), Serdes.bytes().deserializer())) {
            List<TopicPartition> partitions = EndOffsets.partitionsOf(c, topic);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            if (!EndOffsets.now(c, partitions).read(c, TIMEOUT, out::add).isEmpty()) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + TIMEOUT.toSeconds() + " s");
            }
        }
        return out;
    }
}
