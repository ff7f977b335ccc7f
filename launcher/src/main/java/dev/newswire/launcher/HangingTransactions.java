package dev.newswire.launcher;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Finds and aborts <em>hanging</em> transactions on the embedded broker when a run starts: a partition holding an
 * open transaction that its transaction coordinator no longer counts as in progress on that partition. Nothing
 * will ever write that transaction's end marker, so the partition's last stable offset stays put and every
 * read_committed reader stops there (enrich waits for "the last committed offset" forever). After a {@code kill -9}
 * of the whole run it happened in 3 of 38 restarts (open transactions of the dead run's enrich producer on
 * {@code news.enriched} and {@code __consumer_offsets}, their transactional id {@code Empty} at a later epoch).
 *
 * <p>The test is the one of Kafka's {@code kafka-transactions.sh find-hanging} (KIP-664) and the remedy its
 * {@code abort}. It is safe here without that tool's age limit because the data directory owns the cluster: the
 * producers of the previous run are dead, and this run's stages have not started. A transaction its coordinator
 * is still completing ({@code PrepareCommit}/{@code PrepareAbort}) or still counts as ongoing on that partition is
 * left alone, and a partition is aborted only if it still shows the same open transaction after the coordinator
 * was asked (markers are written before a coordinator calls a transaction complete).
 */
final class HangingTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(HangingTransactions.class);

    private HangingTransactions() {
    }

    /** An open transaction as a partition's leader reports it. */
    record OpenTransaction(TopicPartition partition, long producerId, short producerEpoch, int coordinatorEpoch,
                           long startOffset) {
    }

    /**
     * Whether an open transaction hangs, given the coordinator's view of the transactional id that holds its
     * producer id ({@code null}: no transactional id holds it any more).
     */
    static boolean isHanging(OpenTransaction open, TransactionDescription coordinator) {
        if (coordinator == null || coordinator.producerId() != open.producerId()) {
            return true;
        }
        TransactionState state = coordinator.state();
        if (state == TransactionState.PREPARE_COMMIT || state == TransactionState.PREPARE_ABORT
                || state == TransactionState.PREPARE_EPOCH_FENCE || state == TransactionState.UNKNOWN) {
            return false; // the coordinator is writing the markers (or cannot say): leave it
        }
        if (state == TransactionState.ONGOING) {
            return coordinator.producerEpoch() != open.producerEpoch()
                    || !coordinator.topicPartitions().contains(open.partition());
        }
        return true; // Empty, CompleteCommit, CompleteAbort: no transaction of this producer is in progress
    }

    /** Aborts the hanging transactions of every partition of the cluster; returns how many were aborted. */
    static int abortAll(Map<String, Object> adminProps) throws InterruptedException {
        try (Admin admin = Admin.create(adminProps)) {
            List<TopicPartition> partitions = partitions(admin);
            Map<TopicPartition, OpenTransaction> open = openTransactions(admin, partitions);
            if (open.isEmpty()) {
                return 0;
            }
            Map<Long, TransactionDescription> byProducer = coordinatorViews(admin, open.values());
            List<OpenTransaction> hanging = new ArrayList<>();
            for (OpenTransaction o : open.values()) {
                if (isHanging(o, byProducer.get(o.producerId()))) {
                    hanging.add(o);
                }
            }
            if (hanging.isEmpty()) {
                return 0;
            }
            // asked again after the coordinator: a transaction completed meanwhile is no longer open
            Map<TopicPartition, OpenTransaction> still = openTransactions(admin,
                    hanging.stream().map(OpenTransaction::partition).toList());
            int aborted = 0;
            for (OpenTransaction o : hanging) {
                if (!o.equals(still.get(o.partition()))) {
                    continue;
                }
                LOG.warn("Aborting a hanging transaction left by a crashed run on {} (producer {} epoch {}, open since offset {})",
                        o.partition(), o.producerId(), o.producerEpoch(), o.startOffset());
                admin.abortTransaction(new AbortTransactionSpec(o.partition(), o.producerId(), o.producerEpoch(),
                        o.coordinatorEpoch())).all().get();
                aborted++;
            }
            return aborted;
        } catch (ExecutionException e) {
            // the run can still start; a hanging transaction then shows as a stalled enrich, as before
            LOG.warn("Could not check for hanging transactions: {}", e.getCause().toString());
            return 0;
        }
    }

    private static List<TopicPartition> partitions(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        List<TopicPartition> out = new ArrayList<>();
        for (Map.Entry<String, TopicDescription> t : admin.describeTopics(topics).allTopicNames().get().entrySet()) {
            t.getValue().partitions().forEach(p -> out.add(new TopicPartition(t.getKey(), p.partition())));
        }
        return out;
    }

    private static Map<TopicPartition, OpenTransaction> openTransactions(Admin admin, List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OpenTransaction> out = new HashMap<>();
        admin.describeProducers(partitions).all().get().forEach((tp, description) -> {
            for (ProducerState p : description.activeProducers()) {
                if (p.currentTransactionStartOffset().isPresent()) {
                    out.put(tp, new OpenTransaction(tp, p.producerId(), (short) p.producerEpoch(),
                            p.coordinatorEpoch().orElse(-1), p.currentTransactionStartOffset().getAsLong()));
                }
            }
        });
        return out;
    }

    private static Map<Long, TransactionDescription> coordinatorViews(Admin admin, java.util.Collection<OpenTransaction> open)
            throws ExecutionException, InterruptedException {
        Set<Long> producerIds = new HashSet<>();
        open.forEach(o -> producerIds.add(o.producerId()));
        List<String> ids = new ArrayList<>();
        for (TransactionListing l : admin.listTransactions(new ListTransactionsOptions().filterProducerIds(producerIds))
                .all().get()) {
            ids.add(l.transactionalId());
        }
        Map<Long, TransactionDescription> out = new HashMap<>();
        if (!ids.isEmpty()) {
            admin.describeTransactions(ids).all().get().values().forEach(d -> out.put(d.producerId(), d));
        }
        return out;
    }
}
