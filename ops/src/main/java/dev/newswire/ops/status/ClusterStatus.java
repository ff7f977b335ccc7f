package dev.newswire.ops.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code status} and the console show: topics, consumer groups and their lag, dead letters.
 *
 * @param bootstrap   where Kafka is
 * @param clusterId   the cluster id
 * @param brokers     brokers in the cluster
 * @param at          when this was collected
 * @param topics      one entry per topic asked for (missing topics have no partitions)
 * @param groups      consumer groups and applications reading those topics
 * @param deadLetters what is in news.dlq
 */
public record ClusterStatus(String bootstrap, String clusterId, int brokers, Instant at, List<TopicStatus> topics,
                            List<GroupStatus> groups, DeadLetterSummary deadLetters) {

    /**
     * One topic.
     *
     * @param name          topic
     * @param exists        whether it exists
     * @param partitions    partition count
     * @param endOffsets    end offset of each partition (committed records only: the last stable offset)
     * @param records       records retained (end minus start offsets; transaction markers included)
     * @param lastMinute    offsets written in the last minute, found from record timestamps (ListOffsets by time)
     * @param perSecond     {@code lastMinute / 60}
     */
    public record TopicStatus(String name, boolean exists, int partitions, List<Long> endOffsets, long records,
                              long lastMinute, double perSecond) {
    }

    /**
     * A consumer group or Kafka Streams application.
     *
     * @param groupId    group id (a Streams application id is its group id)
     * @param state      stable, rebalancing, empty, dead or unknown
     * @param members    live members
     * @param partitions lag of every partition it has committed offsets for
     * @param totalLag   sum of the lags
     */
    public record GroupStatus(String groupId, String state, int members, List<PartitionLag> partitions, long totalLag) {
    }

    /**
     * Lag of one partition: records after the committed offset. Transaction markers are not records: where
     * {@code offsetLag} is small, the records after the committed offset are counted with a read_committed read, so
     * a consumer that has read everything of a transactional topic shows 0, not 1 per transaction.
     *
     * @param topic     topic
     * @param partition partition
     * @param committed committed offset
     * @param end       end offset
     * @param offsetLag {@code end - committed}
     * @param lag       records not yet consumed
     */
    public record PartitionLag(String topic, int partition, long committed, long end, long offsetLag, long lag) {
    }

    /**
     * Dead letters.
     *
     * @param records records retained in news.dlq (offsets, transaction markers included)
     * @param read    dead letters read to count the reasons
     * @param sampled whether only the newest were read
     * @param reasons count per reason, most frequent first
     */
    public record DeadLetterSummary(long records, long read, boolean sampled, Map<String, Long> reasons) {
    }
}
