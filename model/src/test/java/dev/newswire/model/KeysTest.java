package dev.newswire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void normalisesSchemeHostPortAndFragment() {
        assertEquals("https://example.com/a/b?x=1", Keys.normalizeUrl("HTTPS://Example.COM:443/a/./b?x=1#comments"));
        assertEquals("http://example.com:8080/", Keys.normalizeUrl("http://example.com:8080"));
    }

    @Test
    void sameUrlSameKeyAndId() {
        String a = "https://news.example/2024/06/story";
        assertEquals(Keys.pageKey(a), Keys.pageKey("https://NEWS.example/2024/06/story#top"));
        assertEquals(Keys.articleId(a), Keys.articleId("https://news.example:443/2024/06/story"));
        assertNotEquals(Keys.articleId(a), Keys.articleId("https://news.example/2024/06/other"));
        assertTrue(Keys.articleId(a).matches("[0-9a-f]{32}"));
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        PayloadException e = assertThrows(PayloadException.class, () -> Keys.normalizeUrl("ftp://example.com/x"));
        assertEquals("invalid-field", e.reason());
        assertThrows(PayloadException.class, () -> Keys.normalizeUrl("not a url"));
        assertThrows(PayloadException.class, () -> Keys.normalizeUrl(""));
    }
}
