package dev.newswire.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.embedded.TopicReader;
import dev.newswire.enrich.EnrichApp;
import dev.newswire.enrich.EnrichConfig;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import dev.newswire.model.RawPage;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import dev.newswire.ops.dlq.DeadLetterReplayer;
import dev.newswire.ops.dlq.DlqCommand;
import dev.newswire.ops.status.StatusCommand;
import dev.newswire.ops.watch.WatchCommand;
import dev.newswire.sink.SinkApp;
import dev.newswire.sink.SinkConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's loop on the real pipeline (embedded broker and PostgreSQL, enrich and sink): a page enrich refuses
 * shows up in {@code dlq} with its reason and source offset; after the fix (a higher body limit) {@code dlq replay}
 * brings it through; replaying it again stores it once; {@code watch --entity} finds it; {@code status} shows zero
 * lag when the pipeline has caught up.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES) // a safety net against a hung broker, not a timed assertion
class DeadLetterReplayIT {

    static final Path PAGES = Path.of(System.getProperty("newswire.home", "..")).resolve("samples/pages");
    static final String AP_URL = "https://worldnewsdigest.example/2024/06/18/putin-kim-summit";
    static final String RHINE_URL = "https://zeitung.example/rhein-niedrigwasser";
    /** Small enough that the 13.8 KB AP page is refused (too-large), large enough for the 2 KB Rhine page. */
    static final String SMALL_BODY_LIMIT = "8192";

    static EmbeddedKafka kafka;
    static EmbeddedDatabase db;
    static SinkApp sink;
    static EnrichApp enrich;
    static Map<String, String> settings = new HashMap<>();

    @TempDir
    static Path streamsState;

    @BeforeAll
    static void startPipeline() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        db = EmbeddedDatabase.startTemporary();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put(SinkConfig.JDBC_URL, db.jdbcUrl());
        settings.put(EnrichConfig.STATE_DIR, streamsState.toString());
        TopicAdmin.ensureTopics(Map.of("bootstrap.servers", kafka.bootstrapServers()), 3, (short) 1);
        sink = SinkApp.start(new SinkConfig(settings));
        enrich = startEnrich(SMALL_BODY_LIMIT);
    }

    static EnrichApp startEnrich(String maxBodyBytes) throws InterruptedException {
        Map<String, String> s = new HashMap<>(settings);
        s.put(EnrichConfig.MAX_BODY_BYTES, maxBodyBytes);
        return EnrichApp.start(new EnrichConfig(s));
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (enrich != null) {
            enrich.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (db != null) {
            db.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aRefusedPageIsListedReplayedOnceFixedAndStoredOnceWhenReplayedTwice() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        publishPage(AP_URL, PAGES.resolve("ap-putin-pyongyang-repost.html"), "text/html; charset=utf-8");
        publishPage(RHINE_URL, PAGES.resolve("rhine-shipping-windows-1252.html"), "text/html");

        // the AP page is too large for this enrich: a dead letter; the Rhine page is stored
        awaitDeadLetters(1);
        awaitStoredRows(1);
        OpsCli.Result listed = OpsCli.run(new DlqCommand(), "-b", bootstrap);
        assertEquals(0, listed.code(), listed.toString());
        assertTrue(listed.out().contains("DEAD LETTER  too-large  stage enrich  from news.raw/"), listed.toString());
        assertTrue(listed.out().contains(AP_URL), listed.toString());
        assertTrue(listed.out().contains("1 dead letter: 1 too-large"), listed.toString());
        JsonNode deadJson = Json.MAPPER.readTree(OpsCli.run(new DlqCommand(), "-b", bootstrap, "--json").out().strip());
        int sourcePartition = deadJson.at("/deadLetter/sourcePartition").asInt();
        assertEquals(partitionOf(Keys.pageKey(AP_URL)), sourcePartition, "the source partition is the page key's");
        assertEquals(0, deadJson.at("/deadLetter/sourceOffset").asLong(), "first record of its partition");
        assertEquals("too-large", deadJson.at("/headers/newswire.error.reason").asText());
        assertEquals("", OpsCli.run(new DlqCommand(), "-b", bootstrap, "--reason", "invalid-json", "--json").out());

        JsonNode status = Json.MAPPER.readTree(OpsCli.run(new StatusCommand(), "-b", bootstrap, "--json").out());
        assertEquals(1, status.at("/deadLetters/reasons/too-large").asLong(), status.toPrettyString());

        // watch finds no Kim Jong Un yet: the page with him is a dead letter
        OpsCli.Result none = OpsCli.run(new WatchCommand(), "-b", bootstrap, "news.articles", "--from-beginning",
                "--until-end", "--entity", "Kim Jong Un");
        assertFalse(none.out().contains("Putin"), none.toString());

        // the fix: enrich with the default body limit; then replay
        enrich.close();
        enrich = startEnrich("10485760");
        OpsCli.Result replayed = OpsCli.run(new DlqCommand(), "-b", bootstrap, "replay", "--reason", "too-large");
        assertEquals(0, replayed.code(), replayed.toString());
        assertTrue(replayed.out().contains("replayed news.dlq/0@0 (too-large, key " + Keys.pageKey(AP_URL) + ") → news.raw/"
                + sourcePartition + "@"), replayed.toString());
        awaitStoredRows(2);

        ConsumerRecord<String, byte[]> resent = lastRecord(Topics.RAW, sourcePartition);
        assertEquals("news.dlq/0@0", DeadLetters.header(resent.headers(), DeadLetterReplayer.REPLAYED_FROM));
        assertNull(DeadLetters.header(resent.headers(), DeadLetters.REASON), "error headers stripped");
        assertTrue(DeadLetters.provenance(resent.headers()).isEmpty());

        OpsCli.Result kim = OpsCli.run(new WatchCommand(), "-b", bootstrap, "news.articles", "--from-beginning",
                "--until-end", "--entity", "Kim Jong Un");
        assertEquals(0, kim.code(), kim.toString());
        assertTrue(kim.out().contains("Putin promised they would defeat sanctions together"), kim.toString());
        assertTrue(kim.out().contains("People: Vladimir Putin"), kim.toString());
        assertFalse(kim.out().contains("zeitung.example"), "the Rhine article does not mention him: " + kim);
        assertTrue(kim.err().contains("2 records read, 1 shown"), kim.toString());
        String articleId = articleIdOf(kim);

        // replaying the same dead letter again: a second record in news.articles, still one row in the store
        OpsCli.Result again = OpsCli.run(new DlqCommand(), "-b", bootstrap, "replay", "--offset", "0:0");
        assertEquals(0, again.code(), again.toString());
        awaitArticleRecords(articleId, 2);
        awaitPipelineCaughtUp(bootstrap);
        assertEquals(1, rowsWithId(articleId), "the sink upserts by article id: replaying twice stores the page once");
        assertEquals(2, rowsWithId(null), "AP and Rhine, nothing else");

        OpsCli.Result text = OpsCli.run(new StatusCommand(), "-b", bootstrap);
        System.out.println(text.out());
        assertTrue(text.out().matches("(?s).*newswire-sink\\s+stable\\s+1\\s+news\\.articles\\s+(\\d:0 ?)+\\s+0\\n.*"), text.out());
        assertTrue(text.out().matches("(?s).*newswire-enrich\\s+stable\\s+\\d+\\s+news\\.raw\\s+(\\d:0 ?)+\\s+0\\n.*"), text.out());
    }

    private static String articleIdOf(OpsCli.Result watchText) throws Exception {
        OpsCli.Result json = OpsCli.run(new WatchCommand(), "-b", kafka.bootstrapServers(), "news.articles",
                "--from-beginning", "--until-end", "--entity", "Kim Jong Un", "--json");
        List<String> lines = json.out().lines().toList();
        assertEquals(1, lines.size(), json + "\n" + watchText);
        String id = Json.MAPPER.readTree(lines.get(0)).at("/value/id").asText();
        assertEquals(Keys.articleId(Json.MAPPER.readTree(lines.get(0)).at("/value/canonicalUrl").asText()), id);
        return id;
    }

    static void publishPage(String url, Path file, String contentType) throws Exception {
        RawPage page = RawPage.of(url, Instant.now(), 200, Map.of("content-type", contentType), Files.readAllBytes(file), "ops-it");
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(Topics.RAW, Keys.pageKey(url), Json.write(page))).get();
        }
    }

    static int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return TopicReader.readCommitted(kafka.bootstrapServers(), topic);
    }

    static ConsumerRecord<String, byte[]> lastRecord(String topic, int partition) {
        ConsumerRecord<String, byte[]> last = null;
        for (ConsumerRecord<String, byte[]> r : readAll(topic)) {
            if (r.partition() == partition && (last == null || r.offset() > last.offset())) {
                last = r;
            }
        }
        assertNotNull(last);
        return last;
    }

    static void awaitDeadLetters(int n) throws InterruptedException {
        while (readAll(Topics.DLQ).size() < n) {
            Thread.sleep(200);
        }
    }

    static void awaitStoredRows(int n) throws Exception {
        while (rowsWithId(null) < n) {
            Thread.sleep(200);
        }
    }

    static void awaitArticleRecords(String id, int n) throws InterruptedException {
        while (readAll(Topics.ARTICLES).stream().filter(r -> id.equals(r.key())).count() < n) {
            Thread.sleep(200);
        }
    }

    /** Waits until status reports no lag for enrich and sink (fails the test by timeout if it never does). */
    static void awaitPipelineCaughtUp(String bootstrap) throws Exception {
        while (true) {
            JsonNode s = Json.MAPPER.readTree(OpsCli.run(new StatusCommand(), "-b", bootstrap, "--json").out());
            // the sink commits only partitions it has read records from: two articles, at most two partitions
            if (OpsCommandsIT.groupLag(s, "newswire-sink") == 0 && OpsCommandsIT.groupLag(s, "newswire-enrich") == 0
                    && !OpsCommandsIT.group(s, "newswire-sink").get("partitions").isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
    }

    static long rowsWithId(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
             PreparedStatement st = c.prepareStatement(id == null ? "SELECT count(*) FROM articles"
                     : "SELECT count(*) FROM articles WHERE id = ?")) {
            if (id != null) {
                st.setString(1, id);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            return 0; // the sink has not created the table yet
        }
    }
}
