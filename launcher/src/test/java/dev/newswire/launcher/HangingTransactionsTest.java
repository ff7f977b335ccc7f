package dev.newswire.launcher;

import dev.newswire.launcher.HangingTransactions.OpenTransaction;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HangingTransactionsTest {

    private static final TopicPartition ENRICHED = new TopicPartition("news.enriched", 0);
    private static final TopicPartition OFFSETS = new TopicPartition("__consumer_offsets", 2);
    // what a partition showed after a crashed run: producer 3, epoch 27, open since offset 188
    private static final OpenTransaction OPEN = new OpenTransaction(ENRICHED, 3, (short) 27, 0, 188);

    private static TransactionDescription coordinator(TransactionState state, long producerId, int epoch,
                                                      Set<TopicPartition> partitions) {
        return new TransactionDescription(1, state, producerId, epoch, 10_000, OptionalLong.empty(), partitions);
    }

    @Test
    void aTransactionItsCoordinatorCallsFinishedHangs() {
        // seen after a kill -9: the transactional id Empty at a later epoch, the partition still open at 27
        assertTrue(HangingTransactions.isHanging(OPEN, coordinator(TransactionState.EMPTY, 3, 32, Set.of())));
        assertTrue(HangingTransactions.isHanging(OPEN, coordinator(TransactionState.COMPLETE_COMMIT, 3, 28, Set.of())));
        assertTrue(HangingTransactions.isHanging(OPEN, coordinator(TransactionState.COMPLETE_ABORT, 3, 28, Set.of())));
    }

    @Test
    void aTransactionNoTransactionalIdHoldsHangs() {
        assertTrue(HangingTransactions.isHanging(OPEN, null));
        assertTrue(HangingTransactions.isHanging(OPEN, coordinator(TransactionState.ONGOING, 9, 27, Set.of(ENRICHED))));
    }

    @Test
    void anOngoingTransactionHangsOnlyWhereItsCoordinatorDoesNotCountIt() {
        assertFalse(HangingTransactions.isHanging(OPEN, coordinator(TransactionState.ONGOING, 3, 27, Set.of(ENRICHED, OFFSETS))),
                "ongoing on this partition: its coordinator will end it (or time it out)");
        assertTrue(HangingTransactions.isHanging(OPEN, coordinator(TransactionState.ONGOING, 3, 27, Set.of(OFFSETS))),
                "a partition the ongoing transaction does not include");
        assertTrue(HangingTransactions.isHanging(OPEN, coordinator(TransactionState.ONGOING, 3, 29, Set.of(ENRICHED))),
                "an ongoing transaction of a later epoch is another one");
    }

    @Test
    void aTransactionBeingCompletedIsLeftAlone() {
        assertFalse(HangingTransactions.isHanging(OPEN, coordinator(TransactionState.PREPARE_COMMIT, 3, 27, Set.of(ENRICHED))));
        assertFalse(HangingTransactions.isHanging(OPEN, coordinator(TransactionState.PREPARE_ABORT, 3, 27, Set.of(ENRICHED))));
        assertFalse(HangingTransactions.isHanging(OPEN, coordinator(TransactionState.PREPARE_EPOCH_FENCE, 3, 27, Set.of(ENRICHED))));
    }
}
