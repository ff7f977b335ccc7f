package dev.newswire.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rawPageRoundTripsWithBodyBytesIntact() {
        byte[] body = {(byte) 0xC4, 'a', 0, (byte) 0xFF};
        RawPage page = RawPage.of("https://example.com/a", Instant.parse("2026-01-02T03:04:05Z"), 200,
                Map.of("Content-Type", "text/html; charset=windows-1252"), body, "test");
        RawPage back = Json.readRawPage(Json.write(page));
        assertArrayEquals(body, back.body());
        assertEquals("text/html; charset=windows-1252", back.contentType());
        assertEquals(page.fetchedAt(), back.fetchedAt());
    }

    @Test
    void invalidJsonIsAClearError() {
        PayloadException e = assertThrows(PayloadException.class, () -> Json.readRawPage(utf8("{\"url\": ")));
        assertEquals("invalid-json", e.reason());
        assertTrue(e.getMessage().startsWith("invalid JSON"), e.getMessage());
        assertEquals("invalid-json", assertThrows(PayloadException.class, () -> Json.readRawPage(new byte[0])).reason());
        assertEquals("invalid-json", assertThrows(PayloadException.class, () -> Json.readRawPage(utf8("[1,2]"))).reason());
    }

    @Test
    void unknownSchemaVersionIsRejected() {
        PayloadException e = assertThrows(PayloadException.class, () -> Json.readRawPage(utf8(
                "{\"schemaVersion\":99,\"url\":\"https://e.com/\",\"fetchedAt\":\"2026-01-01T00:00:00Z\",\"httpStatus\":200,\"body\":\"\"}")));
        assertEquals("unsupported-schema-version", e.reason());
        assertTrue(e.getMessage().contains("99"));
    }

    @Test
    void wrongTypesAndMissingFieldsAreNamed() {
        PayloadException e = assertThrows(PayloadException.class, () -> Json.readRawPage(utf8(
                "{\"schemaVersion\":1,\"url\":\"https://e.com/\",\"fetchedAt\":\"2026-01-01T00:00:00Z\",\"httpStatus\":\"ok\",\"body\":\"\"}")));
        assertEquals("invalid-field", e.reason());
        assertTrue(e.getMessage().contains("httpStatus"), e.getMessage());
        PayloadException noBody = assertThrows(PayloadException.class, () -> Json.readRawPage(utf8(
                "{\"schemaVersion\":1,\"url\":\"https://e.com/\",\"fetchedAt\":\"2026-01-01T00:00:00Z\",\"httpStatus\":200}")));
        assertTrue(noBody.getMessage().contains("body"), noBody.getMessage());
    }

    @Test
    void deeplyNestedJsonIsRejectedNotAStackOverflow() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertEquals("invalid-json", assertThrows(PayloadException.class, () -> Json.readRawPage(utf8(deep))).reason());
    }

    @Test
    void articleRoundTrips() {
        Article a = new Article(1, "0123456789abcdef0123456789abcdef", "https://e.com/a", "https://e.com/a", "e.com",
                null, "Title", null, List.of(), Instant.parse("2024-06-18T06:12:44Z"), "meta", null, "en",
                "Putin met Kim.", List.of("Putin met Kim."),
                List.of(new Article.Entity("PERSON", "Vladimir Putin", null, 0.5, 1, Map.of(),
                        List.of(new Article.Mention(0, 5, "Putin")))),
                Instant.parse("2024-06-18T07:00:00Z"), "test", new Article.Quality("article", true, 14, 0.0), null, null);
        assertEquals(a, Json.readArticle(Json.write(a)));
    }

    private static Article article() {
        return new Article(1, "0123456789abcdef0123456789abcdef", "https://e.com/a", "https://e.com/a", "e.com",
                null, "Title \"quoted\"", null, List.of(), Instant.parse("2024-06-18T06:12:44Z"), "meta", null, "en",
                "Putin met Kim.", List.of("Putin met Kim."),
                List.of(new Article.Entity("PERSON", "Vladimir Putin", null, 0.5, 1, Map.of(),
                        List.of(new Article.Mention(0, 5, "Putin")))),
                Instant.parse("2024-06-18T07:00:00Z"), "test", new Article.Quality("article", true, 14, 0.0), null, null);
    }

    @Test
    void storyAppendedGivesTheSameBytesAsWritingTheWholeArticle() {
        Article a = article();
        byte[] json = Json.write(a);
        assertArrayEquals(Json.write(a.withStory("s1", "d\"1")), Json.withStory(json, "s1", "d\"1"));
        assertArrayEquals(Json.write(a.withStory("s1", null)), Json.withStory(json, "s1", null));
        assertArrayEquals(json, Json.withStory(json, null, null));
        assertEquals(a.withStory("s1", "d"), Json.readArticle(Json.withStory(utf8(new String(json, StandardCharsets.UTF_8) + "\n"), "s1", "d")));
        assertEquals("s", Json.readTree(Json.withStory(utf8("{ }"), "s", null)).get("storyId").asText());
    }

    @Test
    void articleHeadReadsWhatTheStoryNeedsAndChecksTheVersion() {
        Json.ArticleHead head = Json.readArticleHead(Json.write(article()));
        assertEquals("0123456789abcdef0123456789abcdef", head.id());
        assertEquals("Putin met Kim.", head.text());
        assertTrue(head.quality().isArticle());
        assertEquals("unsupported-schema-version", assertThrows(PayloadException.class,
                () -> Json.readArticleHead(utf8("{\"schemaVersion\":9,\"id\":\"x\"}"))).reason());
        assertEquals("invalid-field", assertThrows(PayloadException.class,
                () -> Json.readArticleHead(utf8("{\"id\":\"x\"}"))).reason());
        assertEquals("invalid-json", assertThrows(PayloadException.class, () -> Json.readArticleHead(utf8("{\"id\":"))).reason());
        assertEquals("invalid-json", assertThrows(PayloadException.class, () -> Json.readArticleHead(utf8("[1]"))).reason());
    }
}
