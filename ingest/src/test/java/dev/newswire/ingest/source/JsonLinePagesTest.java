package dev.newswire.ingest.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newswire.model.Json;
import dev.newswire.model.RawPage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinePagesTest {

    static CollectingSink read(String lines) throws IOException {
        CollectingSink sink = new CollectingSink();
        new JsonLinePages(1000, "scrapy", JsonLinePages.Dialect.SCRAPY).read(new BufferedReader(new StringReader(lines)), "test.jsonl", sink, () -> { });
        return sink;
    }

    @Test
    void scrapyStyleLinesBecomePagesWhateverTheFieldNames() throws IOException {
        String lines = """
                {"url": "https://news.example/a", "html": "<p>A</p>", "status": 200, "fetched_at": "2026-11-01T10:00:00Z", "spider": "news"}
                {"url": "https://news.example/b", "body": "<p>B</p>", "status_code": 200, "timestamp": 1793527200, "headers": {"Content-Type": ["text/html; charset=iso-8859-1"]}}
                {"url": "https://news.example/c", "text": "<p>C</p>", "crawled_at": "2026-11-01 10:00:00"}
                {"response_url": "https://news.example/d", "body_base64": "PHA+RDwvcD4=", "timestamp": 1793527200123}

                """;
        CollectingSink sink = read(lines);
        assertEquals(Map.of(), sink.skipped);
        List<RawPage> p = sink.pages;
        assertEquals(List.of("https://news.example/a", "https://news.example/b", "https://news.example/c",
                "https://news.example/d"), p.stream().map(RawPage::url).toList());
        assertEquals(Instant.parse("2026-11-01T10:00:00Z"), p.get(0).fetchedAt());
        assertEquals("news", p.get(0).crawler());
        assertEquals("scrapy", p.get(1).crawler(), "the default crawler name");
        assertEquals(Instant.ofEpochSecond(1793527200), p.get(1).fetchedAt(), "epoch seconds");
        assertEquals("text/html; charset=utf-8", p.get(1).contentType(), "text arrived as Unicode: now UTF-8");
        assertEquals(Instant.parse("2026-11-01T10:00:00Z"), p.get(2).fetchedAt(), "Scrapy's zone-less time is UTC");
        assertEquals(Instant.ofEpochMilli(1793527200123L), p.get(3).fetchedAt(), "epoch milliseconds");
        assertArrayEquals("<p>D</p>".getBytes(StandardCharsets.UTF_8), p.get(3).body());
    }

    @Test
    void theProjectsOwnNdjsonIsReadAsIngestReadsIt() throws IOException {
        RawPage page = RawPage.of("https://news.example/own", Instant.parse("2026-11-01T10:00:00Z"), 200,
                Map.of("content-type", "text/html"), "<p>own</p>".getBytes(StandardCharsets.UTF_8), "own-crawler");
        CollectingSink sink = read(new String(Json.write(page), StandardCharsets.UTF_8) + "\n");
        assertEquals(1, sink.pages.size());
        RawPage back = sink.pages.get(0);
        assertEquals(page.url(), back.url());
        assertEquals(page.fetchedAt(), back.fetchedAt());
        assertArrayEquals(page.body(), back.body(), "body is base64 in the project's format, not text");
        assertEquals("own-crawler", back.crawler());
    }

    @Test
    void badLinesAreSkippedWithTheirReasonAndDoNotStopTheFile() throws IOException {
        String lines = """
                {not json
                {"html": "<p>no url</p>"}
                {"url": "ftp://news.example/x", "html": "<p>x</p>"}
                {"url": "https://news.example/big", "html": "%s"}
                {"url": "https://news.example/ok", "html": "<p>ok</p>"}
                """.formatted("x".repeat(2000));
        CollectingSink sink = read(lines);
        assertEquals(Map.of("invalid-json", 1, "invalid-field", 2, "too-large", 1), sink.skipped);
        assertEquals(List.of("https://news.example/ok"), sink.pages.stream().map(RawPage::url).toList());
    }
}
