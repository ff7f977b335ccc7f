package dev.newswire.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.model.Article;
import dev.newswire.model.DeadLetters;
import dev.newswire.model.Json;
import dev.newswire.model.RawPage;
import dev.newswire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, byte[]> articles;
    private TestOutputTopic<String, byte[]> dlq;

    private TopologyFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new TopologyFixture("enrich-test");
        driver = fixture.driver;
        raw = fixture.raw;
        articles = fixture.articles;
        dlq = fixture.dlq;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static byte[] page(String url, String html) {
        return Json.write(RawPage.of(url, Instant.parse("2026-11-01T10:00:00Z"), 200,
                Map.of("content-type", "text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8), "test"));
    }

    private static final String STORY = "<html><head><title>Summit</title>"
            + "<link rel=canonical href='https://news.example/summit'></head><body><article><h1>Putin goes to Pyongyang</h1>"
            + "<p>SEOUL, South Korea (AP) — Russian President Vladimir Putin arrived in Pyongyang on Tuesday for a summit "
            + "with North Korean leader Kim Jong Un, the first such visit in 24 years.</p>"
            + "<p>Putin and Kim are expected to sign agreements on trade and security, officials in Seoul said.</p>"
            + "</article></body></html>";

    @Test
    void aPageBecomesAnArticleKeyedByItsId() {
        raw.pipeInput("https://news.example/summit?ref=x", page("https://news.example/summit?ref=x", STORY));
        TestRecord<String, byte[]> out = articles.readRecord();
        Article a = Json.readArticle(out.value());
        assertEquals(a.id(), out.key());
        assertEquals("https://news.example/summit", a.canonicalUrl());
        assertTrue(a.text().contains("Vladimir Putin arrived in Pyongyang"), a.text());
        List<String> names = a.entities().stream().map(Article.Entity::name).toList();
        assertTrue(names.contains("Vladimir Putin"), names.toString());
        assertTrue(names.contains("Pyongyang"), names.toString());
        for (Article.Entity e : a.entities()) {
            for (Article.Mention m : e.mentions()) {
                assertEquals(m.text(), a.text().substring(m.start(), m.end()), "mention offsets point into the text");
            }
        }
        assertTrue(articles.isEmpty());
        assertTrue(dlq.isEmpty());
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicAndGoodOnesAfterThemStillComeThrough() {
        byte[] unknownVersion = "{\"schemaVersion\":7,\"url\":\"https://e.com/x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] binary = Json.write(RawPage.of("https://e.com/bin", Instant.now(), 200, Map.of("content-type", "image/png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2, 3}, "test"));
        byte[] empty = Json.write(RawPage.of("https://e.com/empty", Instant.now(), 200, Map.of(), new byte[0], "test"));
        byte[] notFound = Json.write(RawPage.of("https://e.com/404", Instant.now(), 404, Map.of(), "<p>gone</p>".getBytes(), "test"));
        raw.pipeInput("k1", "{not json".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput("k2", unknownVersion);
        raw.pipeInput("k3", binary);
        raw.pipeInput("k4", empty);
        raw.pipeInput("k5", notFound);
        raw.pipeInput("k6", (byte[]) null);
        raw.pipeInput("https://news.example/summit", page("https://news.example/summit", STORY));

        List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
        assertEquals(List.of("k1", "k2", "k3", "k4", "k5", "k6"), dead.stream().map(TestRecord::key).toList());
        assertEquals(List.of("invalid-json", "unsupported-schema-version", "undecodable-content", "undecodable-content",
                        "http-error", "invalid-json"),
                dead.stream().map(r -> DeadLetters.header(r.headers(), DeadLetters.REASON)).toList());
        TestRecord<String, byte[]> first = dead.get(0);
        assertEquals("enrich", DeadLetters.header(first.headers(), DeadLetters.STAGE));
        assertEquals(Topics.RAW, DeadLetters.header(first.headers(), DeadLetters.SOURCE_TOPIC));
        assertEquals("0", DeadLetters.header(first.headers(), DeadLetters.SOURCE_OFFSET));
        assertEquals("dev.newswire.model.PayloadException", DeadLetters.header(first.headers(), DeadLetters.EXCEPTION_CLASS));
        assertNotNull(DeadLetters.header(first.headers(), DeadLetters.EXCEPTION_MESSAGE));
        assertEquals("{not json", new String(first.value(), StandardCharsets.UTF_8), "the original value is kept for replay");
        assertEquals("1", DeadLetters.header(dead.get(1).headers(), DeadLetters.SOURCE_OFFSET));

        Article good = Json.readArticle(articles.readValue());
        assertEquals("https://news.example/summit", good.canonicalUrl());
        assertTrue(articles.isEmpty());
    }

    @Test
    void tooLargeBodiesAreDeadLettersWithTheirReason() {
        try (TopologyFixture small = new TopologyFixture("enrich-test-small", 2048)) {
            TestInputTopic<String, byte[]> in = small.raw;
            TestOutputTopic<String, byte[]> deadOut = small.dlq;
            TestOutputTopic<String, byte[]> okOut = small.articles;
            in.pipeInput("big", page("https://e.com/big", "<p>" + "word ".repeat(1000) + "</p>"));
            TestRecord<String, byte[]> r = deadOut.readRecord();
            assertEquals("too-large", DeadLetters.header(r.headers(), DeadLetters.REASON));
            assertFalse(deadOut.isEmpty() && !okOut.isEmpty());
            assertTrue(okOut.isEmpty());
        }
    }
}
