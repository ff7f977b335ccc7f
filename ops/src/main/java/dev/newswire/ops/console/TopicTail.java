package dev.newswire.ops.console;

import dev.newswire.model.EndOffsets;
import dev.newswire.ops.cli.KafkaClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one topic on a daemon thread and hands every committed record to a callback. It waits for the topic to
 * exist (the console may start before the pipeline creates it) and starts a little in the past, so the console
 * has something to show at once.
 */
final class TopicTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param startAt    where to start in each partition, given (beginning, end, offset of records one hour old or -1)
     * @param onRecord   called on the tail's thread for each record
     */
    TopicTail(Map<String, Object> clientProps, String topic, String clientId,
              Function<long[], Long> startAt, Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
        this.consumer = KafkaClients.reader(clientProps, clientId);
        this.thread = new Thread(() -> run(topic, startAt, onRecord), clientId);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String topic, Function<long[], Long> startAt, Consumer<ConsumerRecord<byte[], byte[]>> onRecord) {
        try {
            List<TopicPartition> partitions = List.of();
            while (running && partitions.isEmpty()) {
                try {
                    partitions = EndOffsets.partitionsOf(consumer, topic);
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    // broker not reachable yet: try again
                }
                for (int waited = 0; running && partitions.isEmpty() && waited < 20; waited++) {
                    Thread.sleep(100);
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> hourAgo = new HashMap<>();
            partitions.forEach(tp -> hourAgo.put(tp, System.currentTimeMillis() - 3_600_000L));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(hourAgo);
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp o = found.get(tp);
                long start = startAt.apply(new long[]{begin.get(tp), end.get(tp), o == null ? -1 : o.offset()});
                consumer.seek(tp, Math.max(begin.get(tp), Math.min(end.get(tp), start)));
            }
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        onRecord.accept(r);
                    } catch (RuntimeException e) {
                        LOG.debug("Console skipped {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("Console stopped following {}: {}", topic, e.toString());
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        // wakeup, not interrupt: an interrupted thread cannot close its consumer cleanly
        consumer.wakeup();
        thread.join(5_000);
    }
}
