package dev.newswire.ops.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Where the data lives: the brokers, and for every partition of the pipeline's topics its leader, replicas and
 * in-sync replicas; under-replicated partitions (fewer in sync than replicas) and those without a leader.
 *
 * @param brokers    id and address of every live broker
 * @param partitions one entry per partition of the topics asked for
 */
public record ReplicaStatus(List<Broker> brokers, List<Partition> partitions) {

    /** A live broker. */
    public record Broker(int id, String address) {
    }

    /**
     * One partition.
     *
     * @param leader the leader's id, or -1 without one
     */
    public record Partition(String topic, int partition, int leader, List<Integer> replicas, List<Integer> isr) {

        public boolean underReplicated() {
            return isr.size() < replicas.size();
        }
    }

    /** Partitions with fewer in-sync replicas than replicas. */
    public long underReplicated() {
        return partitions.stream().filter(Partition::underReplicated).count();
    }

    /** Partitions without a leader. */
    public long offline() {
        return partitions.stream().filter(p -> p.leader() < 0).count();
    }

    /** Asks the cluster; topics that do not exist are left out. */
    public static ReplicaStatus collect(Admin admin, Collection<String> topics) throws InterruptedException {
        try {
            List<Broker> brokers = admin.describeCluster().nodes().get(15, TimeUnit.SECONDS).stream()
                    .sorted(java.util.Comparator.comparingInt(Node::id))
                    .map(n -> new Broker(n.id(), n.host() + ":" + n.port())).toList();
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<String> asked = topics.stream().filter(existing::contains).toList();
            Map<String, TopicDescription> described = admin.describeTopics(asked).allTopicNames().get(15, TimeUnit.SECONDS);
            List<Partition> partitions = new ArrayList<>();
            for (String t : asked) {
                for (TopicPartitionInfo p : described.get(t).partitions()) {
                    partitions.add(new Partition(t, p.partition(), p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id(),
                            p.replicas().stream().map(Node::id).toList(), p.isr().stream().map(Node::id).toList()));
                }
            }
            return new ReplicaStatus(brokers, partitions);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe the cluster: " + e, e);
        }
    }

    /** As text. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("BROKERS: ").append(brokers.stream().map(b -> b.id() + "@" + b.address()).collect(Collectors.joining("  ")))
                .append('\n');
        sb.append(String.format("%-16s %9s %6s  %-10s %-10s%n", "TOPIC", "PARTITION", "LEADER", "REPLICAS", "ISR"));
        for (Partition p : partitions) {
            sb.append(String.format("%-16s %9d %6s  %-10s %-10s%s%n", p.topic(), p.partition(),
                    p.leader() < 0 ? "none" : Integer.toString(p.leader()), ids(p.replicas()), ids(p.isr()),
                    p.leader() < 0 ? "  OFFLINE" : p.underReplicated() ? "  UNDER-REPLICATED" : ""));
        }
        sb.append("under-replicated partitions: ").append(underReplicated()).append(" · without a leader: ").append(offline())
                .append('\n');
        return sb.toString();
    }

    private static String ids(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
