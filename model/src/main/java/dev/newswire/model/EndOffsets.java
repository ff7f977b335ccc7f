package dev.newswire.model;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a read of some partitions stops: their end offsets taken once, before reading. {@link #read} is the one
 * "poll these partitions up to their end" loop of the project (tests reading a topic whole, the operator tools
 * reading dead letters and counting lag, {@code watch --until-end}); records written after the end was taken are
 * left out, so a read of a busy topic ends.
 *
 * <pre>{@code
 * List<TopicPartition> partitions = EndOffsets.partitionsOf(consumer, Topics.DLQ);
 * consumer.assign(partitions);
 * consumer.seekToBeginning(partitions);
 * Set<TopicPartition> unfinished = EndOffsets.now(consumer, partitions).read(consumer, Duration.ofSeconds(10), records::add);
 * }</pre>
 */
public final class EndOffsets {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<TopicPartition, Long> end;

    private EndOffsets(Map<TopicPartition, Long> end) {
        this.end = Map.copyOf(end);
    }

    /** Every partition of {@code topic} (none when it does not exist). */
    public static List<TopicPartition> partitionsOf(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** The current end offsets of {@code partitions} (last stable offsets for a read_committed consumer). */
    public static EndOffsets now(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        return new EndOffsets(consumer.endOffsets(partitions));
    }

    /** End offsets already known, restricted to {@code partitions}. */
    public static EndOffsets of(Map<TopicPartition, Long> known, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = new HashMap<>();
        for (TopicPartition tp : partitions) {
            Long e = known.get(tp);
            if (e == null) {
                throw new IllegalArgumentException("no end offset known for " + tp);
            }
            end.put(tp, e);
        }
        return new EndOffsets(end);
    }

    /** Whether {@code record} lies before the end of its partition (false for partitions not in this read). */
    public boolean includes(ConsumerRecord<?, ?> record) {
        Long e = end.get(new TopicPartition(record.topic(), record.partition()));
        return e != null && record.offset() < e;
    }

    /** Whether {@code consumer} has read every partition up to its end. */
    public boolean reachedBy(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
        return unfinished(consumer).isEmpty();
    }

    /**
     * Polls {@code consumer} (assigned these partitions and positioned where the read starts) until every partition
     * is read up to its end or {@code timeout} has passed, handing every record before the end to {@code each}.
     *
     * @return the partitions not read to their end in time (empty when the read is complete)
     */
    public <K, V> Set<TopicPartition> read(org.apache.kafka.clients.consumer.Consumer<K, V> consumer, Duration timeout,
                                           Consumer<ConsumerRecord<K, V>> each) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<TopicPartition> pending = unfinished(consumer);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<K, V> r : consumer.poll(POLL)) {
                if (includes(r)) {
                    each.accept(r);
                }
            }
            pending = unfinished(consumer);
        }
        return pending;
    }

    private Set<TopicPartition> unfinished(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
        Set<TopicPartition> out = new HashSet<>();
        end.forEach((tp, e) -> {
            if (consumer.position(tp) < e) {
                out.add(tp);
            }
        });
        return out;
    }
}
