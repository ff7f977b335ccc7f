package dev.newswire.ops.status;

import dev.newswire.model.DeadLetters;
import dev.newswire.model.EndOffsets;
import dev.newswire.model.Topics;
import dev.newswire.ops.cli.KafkaClients;
import dev.newswire.ops.status.ClusterStatus.DeadLetterSummary;
import dev.newswire.ops.status.ClusterStatus.GroupStatus;
import dev.newswire.ops.status.ClusterStatus.PartitionLag;
import dev.newswire.ops.status.ClusterStatus.TopicStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Collects a {@link ClusterStatus} with the admin API: end offsets, record-timestamp rates, consumer groups with
 * their committed offsets and state, and the reasons of the newest dead letters.
 */
public final class StatusCollector {

    /** Dead letters read at most to count reasons; beyond this the newest are sampled. */
    public static final int DEFAULT_DLQ_SAMPLE = 10_000;
    /** Partitions lagging by at most this many offsets get their records counted (transaction markers left out). */
    private static final long COUNT_RECORDS_UP_TO = 10_000;
    private static final long WAIT_SECONDS = 10;
    /** How long counting the records behind small lags may take; beyond it the offset lag is shown. */
    private static final Duration COUNT_TIMEOUT = Duration.ofSeconds(5);
    /** How long reading the dead-letter sample may take; beyond it the reasons are of what was read. */
    private static final Duration DLQ_SAMPLE_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final Map<String, Object> clientProps;
    private final List<String> topics;
    private final Set<String> expectedGroups;
    private final int dlqSample;

    /**
     * @param admin          an admin client that reached the cluster ({@link KafkaClients#admin(Map)})
     * @param clientProps    client properties, for the consumers that count records
     * @param topics         topics to report
     * @param expectedGroups groups always reported (state dead when they do not exist), e.g. newswire-enrich
     * @param dlqSample      most dead letters to read for the reasons (0: count offsets only, read none)
     */
    public StatusCollector(Admin admin, Map<String, Object> clientProps, List<String> topics,
                           Collection<String> expectedGroups, int dlqSample) {
        this.admin = admin;
        this.clientProps = clientProps;
        this.topics = List.copyOf(topics);
        this.expectedGroups = new LinkedHashSet<>(expectedGroups);
        this.dlqSample = dlqSample;
    }

    /** Collects everything once. */
    public ClusterStatus collect() throws InterruptedException, ExecutionException, TimeoutException {
        Instant now = Instant.now();
        DescribeClusterResult cluster = admin.describeCluster();
        String clusterId = cluster.clusterId().get(WAIT_SECONDS, TimeUnit.SECONDS);
        int brokers = cluster.nodes().get(WAIT_SECONDS, TimeUnit.SECONDS).size();

        Set<String> existing = admin.listTopics().names().get(WAIT_SECONDS, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        Map<String, TopicDescription> descriptions = present.isEmpty() ? Map.of()
                : admin.describeTopics(present).allTopicNames().get(WAIT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        descriptions.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));

        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> begin = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> minuteAgo = offsets(partitions, OffsetSpec.forTimestamp(now.minusSeconds(60).toEpochMilli()));

        List<TopicStatus> topicStatuses = new ArrayList<>();
        for (String t : topics) {
            TopicDescription d = descriptions.get(t);
            if (d == null) {
                topicStatuses.add(new TopicStatus(t, false, 0, List.of(), 0, 0, 0));
                continue;
            }
            List<Long> ends = new ArrayList<>();
            long records = 0;
            long lastMinute = 0;
            for (int p = 0; p < d.partitions().size(); p++) {
                TopicPartition tp = new TopicPartition(t, p);
                long e = end.getOrDefault(tp, 0L);
                ends.add(e);
                records += e - begin.getOrDefault(tp, 0L);
                long since = minuteAgo.getOrDefault(tp, -1L);
                // -1: no record with a timestamp in the last minute
                lastMinute += since < 0 ? 0 : Math.max(0, e - since);
            }
            topicStatuses.add(new TopicStatus(t, true, d.partitions().size(), ends, records, lastMinute, lastMinute / 60.0));
        }
        List<GroupStatus> groups = groups(new HashSet<>(present), end);
        DeadLetterSummary dlq = existing.contains(Topics.DLQ) ? deadLetters(begin, end) : new DeadLetterSummary(0, 0, false, Map.of());
        return new ClusterStatus(String.valueOf(clientProps.get("bootstrap.servers")), clusterId, brokers, now,
                topicStatuses, groups, dlq);
    }

    private List<GroupStatus> groups(Set<String> topicsOfInterest, Map<TopicPartition, Long> end)
            throws InterruptedException, ExecutionException, TimeoutException {
        Collection<GroupListing> listings = admin.listGroups().all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Set<String> ids = new LinkedHashSet<>(expectedGroups);
        Set<String> listed = new HashSet<>();
        listings.forEach(g -> listed.add(g.groupId()));
        for (GroupListing g : listings) {
            GroupType type = g.type().orElse(GroupType.CLASSIC);
            if (type == GroupType.CLASSIC || type == GroupType.CONSUMER) {
                ids.add(g.groupId());
            }
        }
        Map<String, ConsumerGroupDescription> described = new HashMap<>();
        try {
            described.putAll(admin.describeConsumerGroups(ids).all().get(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            // one group of another kind (share, streams protocol) fails the whole call: describe one by one
            for (String id : ids) {
                try {
                    described.put(id, admin.describeConsumerGroups(List.of(id)).all().get(WAIT_SECONDS, TimeUnit.SECONDS).get(id));
                } catch (ExecutionException ignored) {
                    // reported as unknown
                }
            }
        }
        List<GroupStatus> out = new ArrayList<>();
        Map<TopicPartition, Long> toCount = new HashMap<>();
        Map<String, Map<TopicPartition, Long>> committedByGroup = new LinkedHashMap<>();
        for (String id : ids) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(id)
                    .partitionsToOffsetAndMetadata().get(WAIT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> relevant = new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                    ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
            committed.forEach((tp, o) -> {
                if (o != null && topicsOfInterest.contains(tp.topic())) {
                    relevant.put(tp, o.offset());
                }
            });
            if (relevant.isEmpty() && !expectedGroups.contains(id)) {
                continue; // a group of some other application
            }
            committedByGroup.put(id, relevant);
        }
        // count the records behind small lags once, from the smallest committed offset of any group
        committedByGroup.values().forEach(m -> m.forEach((tp, c) -> {
            long lag = end.getOrDefault(tp, c) - c;
            if (lag > 0 && lag <= COUNT_RECORDS_UP_TO) {
                toCount.merge(tp, c, Math::min);
            }
        }));
        Map<TopicPartition, List<Long>> recordOffsets = recordOffsets(toCount, end);
        for (Map.Entry<String, Map<TopicPartition, Long>> g : committedByGroup.entrySet()) {
            List<PartitionLag> lags = new ArrayList<>();
            long total = 0;
            for (Map.Entry<TopicPartition, Long> e : g.getValue().entrySet()) {
                TopicPartition tp = e.getKey();
                long c = e.getValue();
                long endOffset = end.getOrDefault(tp, c);
                long offsetLag = Math.max(0, endOffset - c);
                long lag = offsetLag;
                List<Long> offsets = recordOffsets.get(tp);
                if (offsetLag > 0 && offsets != null) {
                    lag = offsets.stream().filter(o -> o >= c).count();
                }
                lags.add(new PartitionLag(tp.topic(), tp.partition(), c, endOffset, offsetLag, lag));
                total += lag;
            }
            ConsumerGroupDescription d = described.get(g.getKey());
            // a group the coordinator does not know has never committed or has expired: dead, as Kafka calls it
            String state = !listed.contains(g.getKey()) ? "dead" : d == null ? "unknown" : state(d.groupState());
            int members = d == null ? 0 : d.members().size();
            out.add(new GroupStatus(g.getKey(), state, members, lags, total));
        }
        return out;
    }

    static String state(GroupState s) {
        if (s == null) {
            return "unknown";
        }
        return switch (s) {
            case STABLE -> "stable";
            case PREPARING_REBALANCE, COMPLETING_REBALANCE, ASSIGNING, RECONCILING -> "rebalancing";
            case EMPTY -> "empty";
            case DEAD -> "dead";
            default -> s.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Offsets of the committed records from {@code from} up to the end, per partition (null when not read in time). */
    private Map<TopicPartition, List<Long>> recordOffsets(Map<TopicPartition, Long> from, Map<TopicPartition, Long> end) {
        Map<TopicPartition, List<Long>> out = new HashMap<>();
        if (from.isEmpty()) {
            return out;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.reader(clientProps, "newswire-status-lag")) {
            consumer.assign(from.keySet());
            from.forEach((tp, o) -> {
                consumer.seek(tp, o);
                out.put(tp, new ArrayList<>());
            });
            Set<TopicPartition> unfinished = EndOffsets.of(end, from.keySet()).read(consumer, COUNT_TIMEOUT,
                    r -> out.get(new TopicPartition(r.topic(), r.partition())).add(r.offset()));
            unfinished.forEach(out::remove); // not read to the end in time: keep the offset lag
        }
        return out;
    }

    private DeadLetterSummary deadLetters(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end) {
        List<TopicPartition> dlq = end.keySet().stream().filter(tp -> tp.topic().equals(Topics.DLQ)).toList();
        long records = dlq.stream().mapToLong(tp -> end.get(tp) - begin.getOrDefault(tp, 0L)).sum();
        Map<String, Long> reasons = new HashMap<>();
        long read = 0;
        boolean sampled = false;
        if (records > 0 && dlqSample > 0) {
            try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.reader(clientProps, "newswire-status-dlq")) {
                consumer.assign(dlq);
                long perPartition = Math.max(1, dlqSample / Math.max(1, dlq.size()));
                for (TopicPartition tp : dlq) {
                    long from = Math.max(begin.getOrDefault(tp, 0L), end.get(tp) - perPartition);
                    sampled |= from > begin.getOrDefault(tp, 0L);
                    consumer.seek(tp, from);
                }
                long[] counted = {0};
                Set<TopicPartition> unfinished = EndOffsets.of(end, dlq).read(consumer, DLQ_SAMPLE_TIMEOUT, r -> {
                    String reason = DeadLetters.header(r.headers(), DeadLetters.REASON);
                    reasons.merge(reason == null ? "(no reason header)" : reason, 1L, Long::sum);
                    counted[0]++;
                });
                read = counted[0];
                sampled |= !unfinished.isEmpty();
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new DeadLetterSummary(records, read, sampled, sorted);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(request,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(WAIT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        result.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }
}
