package dev.newswire.launcher;

import dev.newswire.embedded.TopicReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.model.Article;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import dev.newswire.model.RawPage;
import dev.newswire.model.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run: the whole pipeline on a real in-process broker and a real PostgreSQL; the sample page is
 * POSTed over HTTP and must come out of the database clean and tagged.
 */
class PipelineIT {

    static final Path SAMPLE = Path.of(System.getProperty("newswire.home", "..")).resolve("samples/pages/ap-putin-pyongyang-repost.html");
    static final List<String> BOILERPLATE = List.of("Source link", "What do you think?", "Written by ADMIN", "Leave a Reply",
            "Your email address will not be published", "Required fields are marked", "GIPHY App Key not set",
            "Les Diables rouges punis", "Thailand is the first Southeast Asian country", "Your daily dose of world news",
            "Post Comment", "Recent Posts", "We use cookies");

    private static Pipeline pipeline;
    private static final Map<String, Instant> storedAt = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("ingest.http.port", "0");
        pipeline = Pipeline.start(settings, dataDir, false);
        pipeline.sink().onStored(a -> storedAt.put(a.url(), Instant.now()));
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    private static HttpResponse<String> post(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.ingestPort() + "/pages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Article awaitStored(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(pipeline.jdbcUrl());
                 PreparedStatement ps = c.prepareStatement("SELECT document FROM articles WHERE url = ?")) {
                ps.setString(1, url);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Json.readArticle(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (java.sql.SQLException e) {
                // tables not created yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("article " + url + " not stored within 90 s");
    }

    @Test
    void theSamplePagePostedOverHttpIsStoredCleanAndTagged() throws Exception {
        String html = Files.readString(SAMPLE);
        String url = "https://worldnewsdigest.example/?p=48213";
        String body = "{\"url\":\"" + url + "\",\"crawler\":\"pipeline-it\",\"headers\":{\"content-type\":\"text/html; charset=UTF-8\"},"
                + "\"body\":\"" + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)) + "\"}";
        Instant posted = Instant.now();
        HttpResponse<String> resp = post(body);
        assertEquals(202, resp.statusCode(), resp.body());
        Article a = awaitStored(url);
        System.out.printf("POST to stored article: %d ms%n", Duration.between(posted, storedAt.getOrDefault(url, Instant.now())).toMillis());

        assertEquals("Ahead of his summit with North Korea's Kim, Putin promised they would defeat sanctions together", a.title());
        assertEquals(Keys.articleId(a.canonicalUrl()), a.id());
        assertTrue(a.text().startsWith("SEOUL, South Korea (AP) — Russia's president Vladimir Putin"), a.text());
        assertTrue(a.text().contains("will give.” said in a statement."), "the story's last paragraph is kept");
        for (String b : BOILERPLATE) {
            assertFalse(a.text().contains(b), "boilerplate in clean text: " + b);
        }
        assertEquals("en", a.language());
        List<String> people = names(a, "PERSON");
        List<String> places = names(a, "LOCATION");
        assertTrue(people.containsAll(List.of("Vladimir Putin", "Kim Jong Un")), people.toString());
        assertTrue(places.containsAll(List.of("Seoul", "Pyongyang")), places.toString());
        for (Article.Entity e : a.entities()) {
            assertEquals(e.mentions().size(), e.mentionCount());
            for (Article.Mention m : e.mentions()) {
                assertEquals(m.text(), a.text().substring(m.start(), m.end()));
            }
        }
        Article.Entity putin = a.entities().stream().filter(e -> e.name().equals("Vladimir Putin")).findFirst().orElseThrow();
        assertTrue(putin.mentionCount() >= 10, "every 'Putin' is a mention of Vladimir Putin: " + putin.mentionCount());

        try (Connection c = DriverManager.getConnection(pipeline.jdbcUrl());
             PreparedStatement ps = c.prepareStatement("SELECT e.name, count(m.*) FROM article_entities e JOIN entity_mentions m "
                     + "ON m.article_id = e.article_id AND m.entity_no = e.entity_no WHERE e.article_id = ? AND e.name IN ('Seoul','Pyongyang') GROUP BY e.name")) {
            ps.setString(1, a.id());
            try (ResultSet rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertTrue(rs.getLong(2) >= 2, rs.getString(1) + " mentions");
                }
                assertEquals(2, rows, "Seoul and Pyongyang with their mentions are in the entity tables");
            }
        }
    }

    @Test
    void badRecordsReachTheDeadLetterTopicAndGoodOnesAfterThemComeThrough() throws Exception {
        Map<String, Object> props = Map.of("bootstrap.servers", pipeline.bootstrapServers());
        String goodUrl = "https://news.example/after-the-bad-ones";
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            // Records from producers other than ingest can be anything: all go to the same partition by key.
            String key = Keys.pageKey(goodUrl);
            p.send(new ProducerRecord<>(Topics.RAW, key, "{\"url\": broken".getBytes())).get();
            p.send(new ProducerRecord<>(Topics.RAW, key, "{\"schemaVersion\":99,\"url\":\"https://news.example/x\"}".getBytes())).get();
            p.send(new ProducerRecord<>(Topics.RAW, key, Json.write(RawPage.of(goodUrl, Instant.now(), 200,
                    Map.of("content-type", "application/octet-stream"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0}, "it")))).get();
            p.send(new ProducerRecord<>(Topics.RAW, key, Json.write(RawPage.of(goodUrl, Instant.now(), 200, Map.of(), new byte[0], "it")))).get();
        }
        HttpResponse<String> ok = post("{\"url\":\"" + goodUrl + "\",\"html\":\"<html><body><article><h1>After</h1><p>"
                + "Officials in Seoul said the talks with Pyongyang would resume next week, according to a statement.</p>"
                + "</article></body></html>\"}");
        assertEquals(202, ok.statusCode(), ok.body());
        Article good = awaitStored(goodUrl);
        assertTrue(good.text().contains("Officials in Seoul said"), good.text());

        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : readAll(Topics.DLQ)) {
            assertEquals("enrich", DeadLetters.header(r.headers(), DeadLetters.STAGE));
            assertEquals(Topics.RAW, DeadLetters.header(r.headers(), DeadLetters.SOURCE_TOPIC));
            reasons.add(DeadLetters.header(r.headers(), DeadLetters.REASON));
        }
        assertEquals(List.of("invalid-json", "unsupported-schema-version", "undecodable-content", "undecodable-content"), reasons);
    }

    private static List<String> names(Article a, String type) {
        return a.entities().stream().filter(e -> e.type().equals(type)).map(Article.Entity::name).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>(TopicReader.readCommitted(pipeline.bootstrapServers(), topic));
        out.sort(java.util.Comparator.comparingLong(ConsumerRecord::offset));
        return out;
    }
}
