package dev.newswire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.model.PayloadException;
import dev.newswire.model.RawPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageRequestsTest {

    private final PageRequests requests = new PageRequests(1000, "default-crawler");

    private RawPage parse(String json) {
        return requests.parse(json.getBytes(StandardCharsets.UTF_8));
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
    void rejectsPagesOverTheLimit() {
        assertThrows(PageRequests.PageTooLargeException.class,
                () -> parse("{\"url\":\"https://e.com/\",\"html\":\"" + "x".repeat(1001) + "\"}"));
    }
}
