package dev.newswire.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.model.Article;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The sink's write policy, one batch at a time, against a store that fails as told: what is stored, what is
 * rejected and why, what is retried, and that every dead letter is sent before the write that moves the offsets
 * past it.
 */
class BatchWriterTest {

    /** Everything the store and the dead letters saw, in order. */
    private final List<String> events = new ArrayList<>();
    private final List<BatchWriter.Rejected> deadLetters = new ArrayList<>();
    private final List<Integer> waits = new ArrayList<>();

    /** A store that answers each write with the next failure queued (none: success), and refuses some articles. */
    private final class ScriptedStore implements ArticleStore {
        final Deque<SQLException> writeFailures = new ArrayDeque<>();
        final Set<String> refusedTitles;

        ScriptedStore(Set<String> refusedTitles) {
            this.refusedTitles = refusedTitles;
        }

        @Override
        public void write(List<Article> articles, String group, String topic, Map<Integer, Long> nextOffsets) throws SQLException {
            SQLException failure = writeFailures.poll();
            if (failure == null && articles.stream().anyMatch(a -> refusedTitles.contains(a.title()))) {
                failure = new SQLException("invalid byte sequence", "22021");
            }
            if (failure != null) {
                events.add("write failed " + failure.getSQLState());
                throw failure;
            }
            events.add("write " + articles.stream().map(Article::title).toList() + " " + new java.util.TreeMap<>(nextOffsets));
        }

        @Override
        public void check(Article article) throws SQLException {
            if (refusedTitles.contains(article.title())) {
                throw new SQLException("invalid byte sequence", "22021");
            }
        }

        @Override
        public void migrate() {
        }

        @Override
        public Map<Integer, Long> readOffsets(String group, String topic) {
            return Map.of();
        }
    }

    private BatchWriter writer(ArticleStore store) {
        return new BatchWriter(store, "g", "news.articles", r -> {
            events.add("dead letter " + r.record().offset() + " " + r.reason());
            deadLetters.add(r);
        }, (attempt, error) -> waits.add(attempt));
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset, byte[] value) {
        return new ConsumerRecord<>("news.articles", partition, offset, "k" + offset, value);
    }

    private static ConsumerRecord<String, byte[]> article(int partition, long offset, String title) {
        String url = "https://news.example/" + title;
        Article a = new Article(1, Keys.articleId(url), url, url, "news.example", null, title, null, List.of(), null,
                null, null, "en", "text", List.of("text"), List.of(), Instant.parse("2026-11-01T10:00:00Z"), "test",
                null, null, null);
        return record(partition, offset, Json.write(a));
    }

    @Test
    void storesTheArticlesWithTheNextOffsetOfEveryPartition() {
        BatchWriter.Result r = writer(new ScriptedStore(Set.of())).write(List.of(article(0, 7, "a"), article(1, 3, "b"), article(0, 8, "c")));
        assertEquals(List.of("a", "b", "c"), r.stored().stream().map(Article::title).toList());
        assertEquals(List.of(), r.rejected());
        assertEquals(Map.of(0, 9L, 1, 4L), r.nextOffsets());
        assertEquals(List.of("write [a, b, c] {0=9, 1=4}"), events);
    }

    @Test
    void anUnreadableRecordIsRejectedBeforeTheWriteAndItsOffsetIsStillCovered() {
        byte[] junk = "{\"schemaVersion\":42}".getBytes(StandardCharsets.UTF_8);
        BatchWriter.Result r = writer(new ScriptedStore(Set.of())).write(List.of(article(0, 0, "a"), record(0, 1, junk), article(0, 2, "b")));
        assertEquals(List.of("a", "b"), r.stored().stream().map(Article::title).toList());
        assertEquals(List.of("dead letter 1 unsupported-schema-version", "write [a, b] {0=3}"), events);
        assertArrayEquals(junk, deadLetters.get(0).record().value(), "the original value");
    }

    @Test
    void whileTheDatabaseIsAwayTheSameBatchIsRetriedNeverSkipped() {
        ScriptedStore store = new ScriptedStore(Set.of());
        store.writeFailures.add(new SQLException("connection refused", "08001"));
        store.writeFailures.add(new SQLException("the database system is shutting down", "57P03"));
        BatchWriter.Result r = writer(store).write(List.of(article(2, 5, "a")));
        assertEquals(List.of("write failed 08001", "write failed 57P03", "write [a] {2=6}"), events);
        assertEquals(List.of(1, 2), waits, "waited before each retry");
        assertEquals(2, r.retries());
        assertEquals(List.of(), r.rejected());
    }

    @Test
    void anArticleTheDatabaseRefusesIsRejectedAsItWasConsumedAndTheRestIsStored() {
        ConsumerRecord<String, byte[]> refused = article(1, 41, "nul");
        BatchWriter.Result r = writer(new ScriptedStore(Set.of("nul"))).write(List.of(article(1, 40, "a"), refused, article(1, 42, "b")));
        assertEquals(List.of("a", "b"), r.stored().stream().map(Article::title).toList());
        assertEquals(List.of("write failed 22021", "dead letter 41 store-rejected", "write [a, b] {1=43}"), events,
                "the dead letter is sent before the write that moves past it");
        BatchWriter.Rejected dead = r.rejected().get(0);
        assertSame(refused, dead.record(), "its real partition, offset, key and value");
        assertEquals(BatchWriter.STORE_REJECTED, dead.reason());
        assertTrue(waits.isEmpty(), "a refusal is not waited out");
    }

    @Test
    void aBatchRefusedAlthoughEachArticleIsAcceptedStopsTheSink() {
        ScriptedStore store = new ScriptedStore(Set.of());
        store.writeFailures.add(new SQLException("deadlock? no: a check violation", "23514"));
        store.writeFailures.add(new SQLException("again", "23514"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer(store).write(List.of(article(0, 0, "a"))));
        assertTrue(e.getMessage().contains("one by one"), e.getMessage());
    }

    @Test
    void stoppingWhileTheDatabaseIsAwayGivesUpTheBatch() {
        ScriptedStore store = new ScriptedStore(Set.of());
        store.writeFailures.add(new SQLException("connection refused", "08001"));
        BatchWriter stopping = new BatchWriter(store, "g", "news.articles", r -> { }, (attempt, error) -> {
            throw new IllegalStateException("stopping");
        });
        assertThrows(IllegalStateException.class, () -> stopping.write(List.of(article(0, 0, "a"))));
        assertEquals(List.of("write failed 08001"), events, "nothing written, nothing skipped");
    }

    @Test
    void sqlStatesAreToldApart() {
        for (String state : new String[] {"08006", "53300", "57P01", "40001", "58030"}) {
            assertTrue(BatchWriter.isRetriable(new SQLException("x", state)), state);
        }
        for (String state : new String[] {"22021", "23505", "42P01"}) {
            assertTrue(!BatchWriter.isRetriable(new SQLException("x", state)), state);
        }
    }
}
