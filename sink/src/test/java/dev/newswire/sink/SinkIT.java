package dev.newswire.sink;

import dev.newswire.embedded.TopicReader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.metrics.Health;
import dev.newswire.model.Article;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.EndOffsets;
import dev.newswire.model.Json;
import dev.newswire.model.Serdes;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The sink against a real broker and a real PostgreSQL. The tests share them and run in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SinkIT {

    private static EmbeddedKafka kafka;
    private static EmbeddedDatabase db;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        db = EmbeddedDatabase.startTemporary();
        TopicAdmin.ensureTopics(Map.of("bootstrap.servers", kafka.bootstrapServers()), 2, (short) 1);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        kafka.close();
        db.close();
    }

    private static SinkConfig config(String group) {
        Map<String, Object> m = new HashMap<>();
        m.put("bootstrap.servers", kafka.bootstrapServers());
        m.put(SinkConfig.JDBC_URL, db.jdbcUrl());
        m.put(SinkConfig.GROUP_ID, group);
        m.put(SinkConfig.FORWARD_TOPICS, "articles.copy");
        return new SinkConfig(m);
    }

    static Article article(String path, Instant fetchedAt, String title) {
        String url = "https://news.example/" + path;
        String text = "Vladimir Putin met Kim Jong Un in Pyongyang.";
        return new Article(1, dev.newswire.model.Keys.articleId(url), url, url, "news.example", "News", title, null, List.of(),
                Instant.parse("2024-06-18T06:00:00Z"), "meta", null, "en", text, List.of(text),
                List.of(new Article.Entity("PERSON", "Vladimir Putin", null, 0.6, 1, Map.of(), List.of(new Article.Mention(0, 14, "Vladimir Putin"))),
                        new Article.Entity("LOCATION", "Pyongyang", "geonames:1871859", 0.3, 1, Map.of("countryCode", "KP"),
                                List.of(new Article.Mention(34, 43, "Pyongyang")))),
                fetchedAt, "it", new Article.Quality("article", true, text.length(), 0.0), null, null);
    }

    private static void send(Article a) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, a.id(), Json.write(a))).get();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static BooleanSupplier rows(String sql, long expected) {
        return () -> {
            try {
                return count(sql) == expected;
            } catch (SQLException e) {
                return false;
            }
        };
    }

    @Test
    @Order(1)
    void storesArticlesIdempotentlyKeepsFirstFetchAndDeadLettersUnreadableRecords() throws Exception {
        Article a = article("a", Instant.parse("2026-11-01T10:00:00Z"), "First title");
        Article b = article("b", Instant.parse("2026-11-01T10:00:00Z"), "B");
        try (SinkApp sink = SinkApp.start(config("sink-it"))) {
            send(a);
            send(b);
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "junk", "{\"schemaVersion\":42}".getBytes())).get();
            // The same article again, re-fetched later with a new title: an update, not a second row.
            send(article("a", Instant.parse("2026-11-02T10:00:00Z"), "Updated title"));
            // An older fetch arriving late must not overwrite the newer content.
            send(article("a", Instant.parse("2026-10-30T10:00:00Z"), "Stale title"));
            await(rows("SELECT count(*) FROM articles WHERE title = 'Updated title' AND first_fetched_at = '2026-10-30T10:00:00Z'", 1), "article a updated");
        }
        assertEquals(2, count("SELECT count(*) FROM articles"));
        assertEquals("Updated title", string("SELECT title FROM articles WHERE id = '" + a.id() + "'"));
        assertEquals("2026-11-02 10:00:00+00", string("SELECT last_fetched_at AT TIME ZONE 'UTC' || '+00' FROM articles WHERE id = '" + a.id() + "'"));
        assertEquals(4, count("SELECT count(*) FROM article_entities"));
        assertEquals(4, count("SELECT count(*) FROM entity_mentions"));
        assertEquals("geonames:1871859", string("SELECT kb_id FROM article_entities WHERE name = 'Pyongyang' AND article_id = '" + a.id() + "'"));
        assertEquals("Pyongyang", string("SELECT substring(a.text from m.start_offset + 1 for m.end_offset - m.start_offset) "
                + "FROM entity_mentions m JOIN articles a ON a.id = m.article_id JOIN article_entities e "
                + "ON e.article_id = m.article_id AND e.entity_no = m.entity_no WHERE e.name = 'Pyongyang' LIMIT 1"));

        List<ConsumerRecord<String, byte[]>> dead = readAll(Topics.DLQ);
        assertEquals(1, dead.size());
        assertEquals("junk", dead.get(0).key());
        assertEquals("sink", DeadLetters.header(dead.get(0).headers(), DeadLetters.STAGE));
        assertEquals("unsupported-schema-version", DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON));
        assertEquals(Topics.ARTICLES, DeadLetters.header(dead.get(0).headers(), DeadLetters.SOURCE_TOPIC));

        assertEquals(4, readAll("articles.copy").size(), "every stored article is forwarded");

        // A new sink with the same group resumes from the offsets stored with the rows: nothing is written twice.
        long offsetsBefore = count("SELECT sum(next_offset) FROM sink_offsets WHERE consumer_group = 'sink-it'");
        assertEquals(5, offsetsBefore);
        try (SinkApp again = SinkApp.start(config("sink-it"))) {
            send(article("c", Instant.parse("2026-11-03T10:00:00Z"), "C"));
            await(rows("SELECT count(*) FROM articles", 3), "article c");
            assertEquals(1, again.storedCount(), "only the new record was consumed");
        }
    }

    @Test
    @Order(2)
    void aSinkWithAnotherGroupRebuildsTheSameRows() throws Exception {
        send(article("d", Instant.parse("2026-11-04T10:00:00Z"), "D"));
        long rowsBefore = count("SELECT count(*) FROM articles") + 1;
        long end = endOffsets(Topics.ARTICLES);
        try (SinkApp sink = SinkApp.start(config("rebuild"))) {
            // The offsets are stored with the rows: once they reach the end, the whole topic has been replayed.
            await(rows("SELECT coalesce(sum(next_offset), 0) FROM sink_offsets WHERE consumer_group = 'rebuild'", end),
                    "the rebuild to consume the whole topic");
            assertEquals(1, count("SELECT count(*) FROM articles WHERE title = 'D'"));
            assertEquals(rowsBefore, count("SELECT count(*) FROM articles"), "replaying the whole topic adds no rows");
            assertTrue(count("SELECT count(*) FROM article_entities WHERE article_id IN (SELECT id FROM articles WHERE title = 'D')") == 2);
        }
    }

    @Test
    @Order(3)
    void anArticleTheDatabaseRefusesBecomesADeadLetterAndTheRestIsStored() throws Exception {
        Article refused = article("nul", Instant.parse("2026-11-05T10:00:00Z"), "Title with a NUL \u0000 inside");
        Article after = article("after-nul", Instant.parse("2026-11-05T10:00:01Z"), "After");
        try (SinkApp sink = SinkApp.start(config("sink-it"))) {
            send(refused);
            send(after);
            await(rows("SELECT count(*) FROM articles WHERE title = 'After'", 1), "the article after the refused one");
        }
        assertEquals(0, count("SELECT count(*) FROM articles WHERE id = '" + refused.id() + "'"));
        List<ConsumerRecord<String, byte[]>> dead = readAll(Topics.DLQ).stream().filter(r -> refused.id().equals(r.key())).toList();
        assertEquals(1, dead.size());
        assertEquals("store-rejected", DeadLetters.header(dead.get(0).headers(), DeadLetters.REASON));
        assertEquals("sink", DeadLetters.header(dead.get(0).headers(), DeadLetters.STAGE));
        // The README's promise: the original value unchanged, with where it came from.
        ConsumerRecord<String, byte[]> original = readAll(Topics.ARTICLES).stream().filter(r -> refused.id().equals(r.key()))
                .findFirst().orElseThrow();
        assertArrayEquals(original.value(), dead.get(0).value(), "the original value, unchanged");
        assertEquals(Integer.toString(original.partition()), DeadLetters.header(dead.get(0).headers(), DeadLetters.SOURCE_PARTITION));
        assertEquals(Long.toString(original.offset()), DeadLetters.header(dead.get(0).headers(), DeadLetters.SOURCE_OFFSET));
    }

    @Test
    @Order(4)
    void aLoopThatDiesOfAnUnexpectedErrorIsStartedAgainAndNeverLooksAlive() throws Exception {
        // A store that fails twice with an unexpected (non-SQL) error, as a bug would: the loop dies twice.
        AtomicInteger failures = new AtomicInteger(2);
        PostgresArticleStore real = PostgresArticleStore.of(config("sink-it-loop"));
        ArticleStore breaking = new ArticleStore() {
            @Override
            public void migrate() throws SQLException {
                real.migrate();
            }

            @Override
            public Map<Integer, Long> readOffsets(String group, String topic) throws SQLException {
                return real.readOffsets(group, topic);
            }

            @Override
            public void write(List<Article> articles, String group, String topic, Map<Integer, Long> next) throws SQLException {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("bug in the store");
                }
                real.write(articles, group, topic, next);
            }

            @Override
            public void check(Article article) throws SQLException {
                real.check(article);
            }
        };
        List<Article> articles = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            articles.add(article("loop-" + i, Instant.parse("2026-11-06T10:00:00Z").plusSeconds(i), "Loop " + i));
        }
        try (SinkApp sink = SinkApp.start(config("sink-it-loop"), breaking)) {
            for (Article a : articles) {
                send(a);
            }
            // Seen while it is down: the stage's state and the process's /health answer say so.
            await(() -> sink.status().state() == Health.State.RESTARTING, "the sink to report its dead loop");
            assertTrue(Health.global().json().contains("\"sink\":{\"state\":\"RESTARTING\""), Health.global().json());
            assertTrue(!Health.global().healthy(), "a process with a dead loop is not healthy");
            await(rows("SELECT count(*) FROM articles WHERE url LIKE 'https://news.example/loop-%'", articles.size()),
                    "every article stored after the loop was started again");
            await(() -> sink.status().state() == Health.State.RUNNING, "the sink running again");
            assertEquals(2, sink.status().restarts(), "the loop was started again after each of its two deaths");
        }
        assertEquals(articles.size(), count("SELECT count(*) FROM articles WHERE url LIKE 'https://news.example/loop-%'"));
        long inTopic = readAll(Topics.ARTICLES).stream().filter(r -> articles.stream().anyMatch(a -> a.id().equals(r.key()))).count();
        assertEquals(articles.size(), inTopic, "each article once in news.articles");
        assertTrue(Health.global().snapshot().get("sink") == null, "a closed sink leaves the health registry");
    }

    private static long endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                Serdes.key().deserializer(), Serdes.bytes().deserializer())) {
            return c.endOffsets(EndOffsets.partitionsOf(c, topic)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return TopicReader.readCommitted(kafka.bootstrapServers(), topic);
    }
}
