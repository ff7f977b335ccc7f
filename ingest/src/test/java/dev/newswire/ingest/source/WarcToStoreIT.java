package dev.newswire.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.enrich.EnrichApp;
import dev.newswire.enrich.EnrichConfig;
import dev.newswire.ingest.PagePublisher;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.Keys;
import dev.newswire.model.TopicAdmin;
import dev.newswire.sink.SinkApp;
import dev.newswire.sink.SinkConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawler output to the store: a wget WARC of the news site and a Scrapy JSON-lines file go through a real broker,
 * the enrich Kafka Streams application and the sink into a real PostgreSQL. The AP story reaches us four times
 * (its own page, the same page at a second path, a mirror site's copy, a Scrapy item of a third site's copy) and
 * ends as one story: the same canonical URL is one row, the other sites' copies are rows of the same story.
 */
class WarcToStoreIT {

    static final String SCRAPY_CANONICAL = "https://scraped.example/world/putin-kim";

    @TempDir
    Path tmp;

    record Row(String id, String storyId, String duplicateOf, String crawler) {
    }

    @Test
    void aWgetWarcAndScrapyJsonLinesEndInTheStoreWithTheApCopiesAsOneStory() throws Exception {
        try (NewsSite site = new NewsSite(WgetCrawlIT.SAMPLES);
             EmbeddedKafka kafka = EmbeddedKafka.startTemporary();
             EmbeddedDatabase db = EmbeddedDatabase.startTemporary()) {
            Path warc = WgetCrawlIT.crawl(tmp, site.baseUrl());
            Map<String, String> settings = new HashMap<>();
            settings.put(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            settings.put(SinkConfig.JDBC_URL, db.jdbcUrl());
            settings.put(EnrichConfig.STATE_DIR, tmp.resolve("streams").toString());
            settings.put(EnrichConfig.APPLICATION_ID, "warc-to-store-it");
            Map<String, Object> client = Map.of(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            TopicAdmin.ensureTopics(client, 3, (short) 1);

            try (SinkApp sink = SinkApp.start(new SinkConfig(settings));
                 EnrichApp enrich = EnrichApp.start(new EnrichConfig(settings));
                 PagePublisher publisher = new PagePublisher(client)) {
                SourcePublisher ingester = new SourcePublisher(publisher, 1 << 20, "wget", null);
                ingester.publishWarc(warc);
                Path jsonl = tmp.resolve("items.jsonl");
                String scraped = new String(NewsSite.mirrorCopy(Files.readAllBytes(WgetCrawlIT.SAMPLES
                        .resolve("ap-putin-pyongyang-repost.html"))), StandardCharsets.UTF_8)
                        .replace(NewsSite.MIRROR_CANONICAL, SCRAPY_CANONICAL);
                Files.writeString(jsonl, dev.newswire.model.Json.MAPPER.writeValueAsString(Map.of(
                        "url", SCRAPY_CANONICAL, "html", scraped, "status", 200, "spider", "scrapy-news")) + "\n");
                ingester.publishJsonLines(jsonl);
                IngestSummary summary = ingester.finish();
                assertEquals(7, summary.published(), summary.toString());

                // 7 pages: home, section, ECB, the AP page twice (one canonical URL), mirror, Scrapy item.
                Map<String, Row> rows = waitForRows(db.jdbcUrl(), sink, 7, 6);
                String ap = Keys.articleId(NewsSite.AP_CANONICAL);
                String mirror = Keys.articleId(NewsSite.MIRROR_CANONICAL);
                String scrapy = Keys.articleId(SCRAPY_CANONICAL);
                assertNotNull(rows.get(ap), rows.toString());
                Row first = rows.get(ap);
                String story = first.storyId();
                List<String> members = new ArrayList<>();
                for (String id : List.of(ap, mirror, scrapy)) {
                    Row r = rows.get(id);
                    assertNotNull(r, id + " stored: " + rows);
                    assertEquals(story, r.storyId(), "one story: " + rows);
                    members.add(id);
                }
                assertTrue(members.contains(story), "the story is named after one of its articles");
                for (String id : members) {
                    Row r = rows.get(id);
                    if (id.equals(story)) {
                        assertNull(r.duplicateOf(), "the first-seen article is the original");
                    } else {
                        assertEquals(story, r.duplicateOf(), "a copy names the original");
                    }
                }
                assertEquals("scrapy-news", rows.get(scrapy).crawler());
                long ownStories = rows.values().stream().filter(r -> !members.contains(r.id()))
                        .filter(r -> r.id().equals(r.storyId()) && r.duplicateOf() == null).count();
                assertEquals(rows.size() - 3, ownStories, "home, section and ECB are their own stories: " + rows);
            }
        }
    }

    /**
     * The articles table once the sink has stored {@code stored} articles, which must make {@code n} rows (both
     * fetches of the AP page are one row). The deadline bounds a hang; it is not a timing assertion.
     */
    private static Map<String, Row> waitForRows(String jdbcUrl, SinkApp sink, int stored, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (sink.storedCount() < stored && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(sink.storedCount() >= stored, "articles stored by the sink: " + sink.storedCount());
        Map<String, Row> rows = rows(jdbcUrl);
        assertEquals(n, rows.size(), "rows: " + rows);
        return rows;
    }

    private static Map<String, Row> rows(String jdbcUrl) throws Exception {
        Map<String, Row> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement q = c.prepareStatement("SELECT id, story_id, duplicate_of, crawler FROM articles");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }
}
