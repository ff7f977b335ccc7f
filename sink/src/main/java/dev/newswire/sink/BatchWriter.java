package dev.newswire.sink;

import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.model.PayloadException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one polled batch of {@code news.articles} records to the {@link ArticleStore}, with the batch's next offsets
 * in the same transaction, and says what became of every record: stored, or rejected with a reason. The policy:
 * <ul>
 *   <li>a record that is not a readable article is rejected before the write (its payload reason:
 *       {@code invalid-json}, {@code unsupported-schema-version}, …);</li>
 *   <li>when the database is unavailable (connection lost, shutting down, out of resources, a transaction
 *       conflict: {@link #isRetriable}) the same batch is written again after {@link Waiting#beforeRetry}, never
 *       skipped;</li>
 *   <li>when the database refuses the data (a data error, a constraint), each article is tried alone: those it
 *       refuses are rejected ({@code store-rejected}) and the others written.</li>
 * </ul>
 * Every rejected record is handed to the {@link Rejections} (the dead-letter topic) before the write that moves the
 * stored offsets past it, so a crash between the two loses no record.
 */
final class BatchWriter {

    /** Reason of an article the database refuses. */
    static final String STORE_REJECTED = "store-rejected";

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    /** Where rejected records go; a record must be safely kept when {@link #send} returns. */
    interface Rejections {
        void send(Rejected rejected);
    }

    /** How the sink waits while the database is away (keeping its consumer group membership). */
    interface Waiting {
        /**
         * Waits before retry number {@code attempt}; throws to give up (the sink is stopping).
         *
         * @param error why the last attempt failed
         */
        void beforeRetry(int attempt, SQLException error);
    }

    /**
     * A record that is not stored.
     *
     * @param record the record as consumed: its key, value, headers, partition and offset unchanged
     * @param reason short machine-readable reason
     * @param error  why
     */
    record Rejected(ConsumerRecord<String, byte[]> record, String reason, Exception error) {
    }

    /**
     * What became of a batch.
     *
     * @param stored      the articles written, in the order consumed
     * @param rejected    the records not written, each handed to the {@link Rejections} before the write
     * @param nextOffsets partition → next offset to read, as written with the articles
     * @param retries     how many times the write was repeated because the database was unavailable
     */
    record Result(List<Article> stored, List<Rejected> rejected, Map<Integer, Long> nextOffsets, int retries) {
    }

    private final ArticleStore store;
    private final String group;
    private final String topic;
    private final Rejections rejections;
    private final Waiting waiting;

    /**
     * @param group the consumer group, under which the offsets are stored
     * @param topic the topic the records come from
     */
    BatchWriter(ArticleStore store, String group, String topic, Rejections rejections, Waiting waiting) {
        this.store = store;
        this.group = group;
        this.topic = topic;
        this.rejections = rejections;
        this.waiting = waiting;
    }

    /**
     * Writes {@code records} (one poll's worth, of {@link #topic}).
     *
     * @throws IllegalStateException when the database refuses a batch whose articles it accepts one by one
     */
    Result write(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                articles.add(Json.readArticle(r.value()));
                readable.add(r);
            } catch (PayloadException e) {
                reject(new Rejected(r, e.reason(), e), rejected);
            }
            next.merge(r.partition(), r.offset() + 1, Math::max);
        }
        int attempt = 0;
        boolean sifted = false;
        while (true) {
            try {
                store.write(articles, group, topic, next);
                return new Result(articles, rejected, next, attempt);
            } catch (SQLException e) {
                if (isRetriable(e)) {
                    waiting.beforeRetry(++attempt, e);
                    continue;
                }
                if (sifted) {
                    throw new IllegalStateException("the database refuses a batch whose articles it accepts one by one", e);
                }
                sifted = true;
                // The data, not the database: find the article(s) it refuses, park them, store the rest.
                LOG.warn("Database refused a batch of {} ({}: {}); writing one by one", articles.size(), e.getSQLState(), e.getMessage());
                List<ConsumerRecord<String, byte[]>> keptRecords = new ArrayList<>();
                List<Article> kept = new ArrayList<>();
                for (int i = 0; i < articles.size(); i++) {
                    SQLException refusal = refusal(articles.get(i));
                    if (refusal == null) {
                        keptRecords.add(readable.get(i));
                        kept.add(articles.get(i));
                    } else {
                        reject(new Rejected(readable.get(i), STORE_REJECTED, refusal), rejected);
                    }
                }
                readable = keptRecords;
                articles = kept;
            }
        }
    }

    /** Why the database refuses {@code article}, or null when it takes it (or is away: the retry handles that). */
    private SQLException refusal(Article article) {
        try {
            store.check(article);
            return null;
        } catch (SQLException e) {
            return isRetriable(e) ? null : e;
        }
    }

    private void reject(Rejected r, List<Rejected> rejected) {
        rejections.send(r);
        rejected.add(r);
    }

    /**
     * Connection loss, shutdown, lack of resources and transaction conflicts pass; data errors (22xxx), constraint
     * violations (23xxx) and the like do not, so retrying them would block the partition for ever.
     */
    static boolean isRetriable(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("40") || state.startsWith("58");
    }
}
