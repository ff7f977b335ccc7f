package dev.newswire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.model.PayloadException;
import dev.newswire.model.RawPage;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PageRequestsTest {

    private final PageRequests requests = new PageRequests(1000, "default-crawler");

    private RawPage parse(String json) {
        return requests.parse(json.getBytes(StandardCharsets.UTF_8)).page();
    }

    @Test
    void acceptsHtmlTextAndMarksItUtf8() {
        RawPage p = parse("{\"url\":\"https://e.com/a\",\"html\":\"<p>caf\u00e9</p>\","
                + "\"headers\":{\"Content-Type\":\"text/html; charset=ISO-8859-1\"},\"status\":200,\"fetchedAt\":1700000000000}");
        assertEquals("<p>caf\u00e9</p>", new String(p.body(), StandardCharsets.UTF_8));
        assertEquals("text/html; charset=utf-8", p.contentType());
        assertEquals(Instant.ofEpochMilli(1700000000000L), p.fetchedAt());
        assertEquals("default-crawler", p.crawler());
    }

    @Test
    void acceptsBase64BodyAndHeaderArrays() {
        RawPage p = parse("{\"schemaVersion\":1,\"url\":\"https://e.com/a\",\"body\":\"PHA+aGk8L3A+\","
                + "\"headers\":{\"Set-Cookie\":[\"a=1\",\"b=2\"]},\"httpStatus\":203,\"crawler\":\"c\",\"fetchedAt\":\"2026-01-01T00:00:00Z\"}");
        assertEquals("<p>hi</p>", new String(p.body(), StandardCharsets.UTF_8));
        assertEquals("a=1, b=2", p.headers().get("set-cookie"));
        assertEquals(203, p.httpStatus());
    }

    @Test
    void rejectsInvalidInputWithClearMessages() {
        assertTrue(assertThrows(PayloadException.class, () -> parse("{\"html\":\"x\"}")).getMessage().contains("'url' is missing"));
        assertTrue(assertThrows(PayloadException.class, () -> parse("{\"url\":\"https://e.com/\"}")).getMessage().contains("body"));
        assertTrue(assertThrows(PayloadException.class, () -> parse("{\"url\":42,\"html\":\"x\"}")).getMessage().contains("'url' must be a string"));
        assertTrue(assertThrows(PayloadException.class, () -> parse("{\"url\":\"https://e.com/\",\"body\":\"%%%\"}")).getMessage().contains("base64"));
        assertEquals("unsupported-schema-version", assertThrows(PayloadException.class,
                () -> parse("{\"schemaVersion\":2,\"url\":\"https://e.com/\",\"html\":\"x\"}")).reason());
        assertTrue(assertThrows(PayloadException.class, () -> parse("{\"url\":\"https://e.com/\",\"html\":\"x\",\"fetchedAt\":\"yesterday\"}"))
                .getMessage().contains("fetchedAt"));
    }

    @Test
    void keysThePageByItsNormalisedUrl() {
        KeyedPage p = requests.parse("{\"url\":\"HTTPS://E.com:443/a#top\",\"html\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("https://e.com/a", p.key());
        assertEquals("HTTPS://E.com:443/a#top", p.page().url(), "the page keeps the URL it was fetched from");
    }

    @Test
    void readsJsonLinesAndReportsEachBadLineWithoutStopping() throws Exception {
        String lines = "{\"url\":\"https://e.com/1\",\"html\":\"x\"}\n\n{broken\n"
                + "{\"url\":\"https://e.com/big\",\"html\":\"" + "x".repeat(1001) + "\"}\r\n{\"url\":\"https://e.com/2\",\"html\":\"y\"}";
        List<String> seen = new ArrayList<>();
        requests.readLines(new BufferedReader(new StringReader(lines)), UnaryOperator.identity(), new PageRequests.LineHandler() {
            @Override
            public void page(long lineNo, KeyedPage page) {
                seen.add(lineNo + " " + page.key());
            }

            @Override
            public void invalid(long lineNo, RuntimeException error) {
                seen.add(lineNo + " " + PageRequests.reasonOf(error));
            }
        });
        assertEquals(List.of("1 https://e.com/1", "3 invalid-json", "4 too-large", "5 https://e.com/2"), seen);
    }

    @Test
    void rejectsPagesOverTheLimit() {
        assertThrows(PageRequests.PageTooLargeException.class,
                () -> parse("{\"url\":\"https://e.com/\",\"html\":\"" + "x".repeat(1001) + "\"}"));
    }
}
