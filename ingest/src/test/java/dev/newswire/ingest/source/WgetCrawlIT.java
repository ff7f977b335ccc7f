package dev.newswire.ingest.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.embedded.EmbeddedKafka;
import dev.newswire.ingest.PagePublisher;
import dev.newswire.embedded.TopicReader;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import dev.newswire.model.RawPage;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crawler end to end: GNU wget crawls a small site on 127.0.0.1 into a WARC file, which is published to a
 * real in-process Kafka broker; news.raw then holds exactly the HTML pages, keyed by URL, with their WARC dates.
 * Needs {@code wget} on the PATH (Debian package wget; .ci/run installs it).
 */
class WgetCrawlIT {

    static final Path SAMPLES = Path.of("..", "samples", "pages");

    static EmbeddedKafka kafka;
    static Map<String, Object> client;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startKafka() throws IOException {
        kafka = EmbeddedKafka.startTemporary();
        client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        TopicAdmin.ensureTopics(client, 3, (short) 1);
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void scrapyJsonLinesReachNewsRaw() throws Exception {
        Path file = tmp.resolve("items.jsonl");
        Files.writeString(file, """
                {"url": "https://scrapy.example/a", "html": "<p>A</p>", "status": 200, "fetched_at": "2026-11-01T10:00:00Z", "spider": "news"}
                {"url": "https://scrapy.example/b", "body": "<p>B</p>", "timestamp": 1793527200}
                {"url": "https://scrapy.example/bad"}
                """);
        IngestSummary summary;
        try (PagePublisher publisher = new PagePublisher(client)) {
            SourcePublisher ingester = new SourcePublisher(publisher, 1 << 20, "scrapy", null);
            ingester.publishJsonLines(file);
            summary = ingester.finish();
        }
        assertEquals(2, summary.published(), summary.toString());
        assertEquals(Map.of("invalid-field", 1L), summary.skipped());
        Map<String, RawPage> raw = readRaw(kafka.bootstrapServers(), "https://scrapy.example/", 2);
        assertEquals("news", raw.get("https://scrapy.example/a").crawler());
        assertEquals(java.time.Instant.ofEpochSecond(1793527200), raw.get("https://scrapy.example/b").fetchedAt());
    }

    @Test
    void aWgetWarcReachesNewsRawWithItsHtmlPagesOnly() throws Exception {
        try (NewsSite site = new NewsSite(SAMPLES)) {
            Path warc = crawl(tmp, site.baseUrl());
            {
                IngestSummary summary;
                try (PagePublisher publisher = new PagePublisher(client)) {
                    SourcePublisher ingester = new SourcePublisher(publisher, 1 << 20, "wget", null);
                    ingester.publishWarc(warc);
                    summary = ingester.finish();
                }
                String base = site.baseUrl();
                Set<String> htmlPages = Set.of(base, base + "section/world.html", base + "world/putin-pyongyang.html",
                        base + "aggregator/putin-copy.html", base + "mirror/putin-summit.html", base + "world/ecb-rates.html");

                assertEquals(htmlPages.size(), summary.published(), summary.toString());
                assertEquals(summary.read(), summary.published() + summary.skippedTotal(), "every record accounted for");
                assertEquals(2, summary.skipped().get("not-html"), "the PDF and the PNG: " + summary);
                assertTrue(summary.skipped().getOrDefault("http-404", 0L) >= 2, "robots.txt and the broken link: " + summary);
                assertTrue(summary.skipped().get("warc-request") >= 10, "one request per fetch: " + summary);
                assertTrue(summary.skipped().containsKey("warc-warcinfo"), summary.toString());

                Map<String, RawPage> raw = readRaw(kafka.bootstrapServers(), base, htmlPages.size());
                assertEquals(htmlPages, raw.keySet());
                RawPage copy = raw.get(base + "aggregator/putin-copy.html");
                assertArrayEquals(Files.readAllBytes(SAMPLES.resolve("ap-putin-pyongyang-repost.html")), copy.body(),
                        "a chunked response arrives whole and decoded");
                assertEquals("text/html; charset=utf-8", copy.contentType());
                assertEquals("wget", copy.crawler());
                assertEquals(200, copy.httpStatus());
                assertTrue(copy.fetchedAt().isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z")), "the WARC-Date");
            }
        }
    }

    /** Crawls {@code url} with GNU wget into {@code dir}/crawl.warc.gz. */
    static Path crawl(Path tmp, String url) throws IOException, InterruptedException {
        Path warcBase = tmp.resolve("crawl");
        Process p = new ProcessBuilder("wget", "--recursive", "--level=2", "--warc-file=" + warcBase, "--no-verbose",
                "--directory-prefix=" + tmp.resolve("mirror"), "--tries=1", "--timeout=20", url)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("wget.log").toFile()).start();
        // A bound against a hung crawler, not an assertion on timing.
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("wget did not finish");
        }
        // wget exits 8 when some fetch failed (the broken link): expected here.
        assertTrue(p.exitValue() == 0 || p.exitValue() == 8, "wget exit " + p.exitValue() + ": "
                + Files.readString(tmp.resolve("wget.log")));
        Path warc = tmp.resolve("crawl.warc.gz");
        assertTrue(Files.exists(warc), "wget wrote no WARC: " + Files.readString(tmp.resolve("wget.log")));
        return warc;
    }

    /** The pages in news.raw whose key starts with {@code prefix}. */
    static Map<String, RawPage> readRaw(String bootstrap, String prefix, int expected) {
        Map<String, RawPage> out = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readCommitted(bootstrap, Topics.RAW)) {
            RawPage page = Json.readRawPage(r.value());
            assertEquals(r.key(), Keys.pageKey(page.url()));
            if (r.key().startsWith(prefix)) {
                out.put(r.key(), page);
            }
        }
        assertEquals(expected, out.size(), new String(String.valueOf(out.keySet()).getBytes(StandardCharsets.UTF_8)));
        return out;
    }
}
