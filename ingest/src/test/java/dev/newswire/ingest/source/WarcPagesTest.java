package dev.newswire.ingest.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.newswire.model.RawPage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netpreserve.jwarc.WarcReader;

class WarcPagesTest {

    static final byte[] ARTICLE = "<!doctype html><html><head><title>Summit</title></head><body><p>Putin arrived.</p></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    static byte[] mixedWarc(String version, boolean gzipPerRecord) throws IOException {
        byte[] chunkedGzipped = chunked(WarcFixture.gzip(ARTICLE));
        return new WarcFixture(version, gzipPerRecord)
                .record("warcinfo", null, "2026-11-01T09:59:00Z", "application/warc-fields",
                        "software: test\r\n".getBytes(StandardCharsets.UTF_8))
                .record("request", "http://news.example/a", "2026-11-01T10:00:00Z", "application/http;msgtype=request",
                        "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                .response("http://news.example/a", "2026-11-01T10:00:00Z",
                        "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\nSet-Cookie: a=1\nSet-Cookie: b=2\n"
                                + "Content-Length: " + ARTICLE.length + "\n", ARTICLE)
                .response("http://news.example/logo.png", "2026-11-01T10:00:01Z",
                        "HTTP/1.1 200 OK\nContent-Type: image/png\nContent-Length: 4\n", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                .response("http://news.example/robots.txt", "2026-11-01T10:00:02Z",
                        "HTTP/1.1 404 Not Found\nContent-Type: text/html\nContent-Length: 9\n",
                        "not found".getBytes(StandardCharsets.US_ASCII))
                .response("http://news.example/old", "2026-11-01T10:00:03Z",
                        "HTTP/1.1 301 Moved Permanently\nLocation: http://news.example/a\nContent-Length: 0\n", new byte[0])
                .response("https://news.example/b", "2026-11-01T10:00:04Z",
                        "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked\nContent-Encoding: gzip\n",
                        chunkedGzipped)
                .response("http://news.example/c", "2026-11-01T10:00:05Z",
                        "HTTP/1.1 200 OK\nContent-Length: " + ARTICLE.length + "\n", ARTICLE)
                .record("revisit", "http://news.example/a", "2026-11-02T10:00:00Z", "application/http;msgtype=response",
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                        "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
                        "WARC-Refers-To-Target-URI: http://news.example/a")
                .record("response", "dns:news.example", "2026-11-01T10:00:06Z", "text/dns",
                        "news.example. 300 IN A 127.0.0.1".getBytes(StandardCharsets.US_ASCII))
                .record("metadata", "http://news.example/a", "2026-11-01T10:00:07Z", "application/warc-fields",
                        "outlink: http://news.example/b\r\n".getBytes(StandardCharsets.US_ASCII))
                .bytes();
    }

    static byte[] chunked(byte[] data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int half = data.length / 2;
        writeChunk(b, data, 0, half);
        writeChunk(b, data, half, data.length - half);
        b.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream b, byte[] data, int off, int len) {
        b.writeBytes((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        b.write(data, off, len);
        b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    static CollectingSink read(byte[] warc, int maxPageBytes) throws IOException {
        CollectingSink sink = new CollectingSink();
        try (WarcReader r = new WarcReader(new ByteArrayInputStream(warc))) {
            new WarcPages(maxPageBytes, "wget").read(r, sink, position -> { });
        }
        return sink;
    }

    @ParameterizedTest(name = "{0}, gzip per record: {1}")
    @CsvSource({"WARC/1.0, false", "WARC/1.0, true", "WARC/1.1, false", "WARC/1.1, true"})
    void htmlResponsesBecomePagesAndEverythingElseIsSkippedWithItsReason(String version, boolean gzip) throws IOException {
        CollectingSink sink = read(mixedWarc(version, gzip), 1 << 20);

        assertEquals(List.of("http://news.example/a", "https://news.example/b", "http://news.example/c"),
                sink.pages.stream().map(RawPage::url).toList());
        assertEquals(Map.of("warc-warcinfo", 1, "warc-request", 1, "not-html", 1, "http-404", 1, "http-301", 1,
                "revisit", 1, "not-http", 1, "warc-metadata", 1), sink.skipped);

        RawPage a = sink.pages.get(0);
        assertEquals(Instant.parse("2026-11-01T10:00:00Z"), a.fetchedAt(), "fetchedAt is the WARC-Date");
        assertEquals(200, a.httpStatus());
        assertEquals("text/html; charset=utf-8", a.contentType());
        assertEquals("a=1, b=2", a.headers().get("set-cookie"), "repeated headers joined");
        assertFalse(a.headers().containsKey("content-length"), "wire headers dropped");
        assertArrayEquals(ARTICLE, a.body());
        assertEquals("wget", a.crawler());

        RawPage b = sink.pages.get(1);
        assertArrayEquals(ARTICLE, b.body(), "chunked and gzip content-encoding removed");
        assertFalse(b.headers().containsKey("content-encoding"));
        assertFalse(b.headers().containsKey("transfer-encoding"));

        assertArrayEquals(ARTICLE, sink.pages.get(2).body(), "no Content-Type, but HTML by its first bytes");
    }

    @Test
    void bodiesOverTheLimitAreSkippedAsTooLarge() throws IOException {
        CollectingSink sink = read(mixedWarc("WARC/1.1", true), 20);
        assertEquals(List.of(), sink.pages);
        assertEquals(3, sink.skipped.get("too-large"));
    }
}
