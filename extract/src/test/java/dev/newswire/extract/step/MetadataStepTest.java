package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataStepTest {

    private static PageContext meta(String head, String body) {
        return StepTestSupport.run("<html lang=\"de-DE\"><head>" + head + "</head><body>" + body + "</body></html>",
                new MetadataStep(new DateParser(StepTestSupport.CLOCK)));
    }

    @Test
    void jsonLdArticleInAGraphWins() {
        PageContext p = meta("<meta property=\"article:published_time\" content=\"2024-01-01T00:00:00Z\">"
                + "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":[\"NewsArticle\"],"
                + "\"headline\":\"Flood defences hold\",\"datePublished\":\"2025-11-02T07:15:00+01:00\","
                + "\"dateModified\":\"2025-11-02T09:00:00+01:00\",\"author\":{\"@type\":\"Person\",\"name\":\"Anna Berg\"},"
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Nordblatt\"}}]}</script>", "<h1>Flood defences hold</h1>");
        assertEquals("Flood defences hold", p.metadata().title());
        assertEquals(Instant.parse("2025-11-02T06:15:00Z"), p.metadata().published().instant());
        assertEquals("2025-11-02", p.metadata().published().localDate());
        assertEquals("json-ld", p.metadata().published().source());
        assertEquals("json-ld", p.metadata().modified().source());
        assertEquals(List.of("Anna Berg"), p.metadata().authors());
        assertEquals("de", p.metadata().declaredLanguage());
    }

    @Test
    void brokenJsonLdFallsBackToMeta() {
        PageContext p = meta("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", oops</script>"
                + "<meta property=\"article:published_time\" content=\"2025-05-06T10:00:00Z\">"
                + "<meta name=\"author\" content=\"By Jane Doe and John Roe\">", "");
        assertEquals("meta", p.metadata().published().source());
        assertEquals(List.of("Jane Doe", "John Roe"), p.metadata().authors());
    }

    @Test
    void timeElementThenUrl() {
        PageContext p = meta("", "<article><time datetime=\"2025-07-08\">8 July</time></article>");
        assertEquals("time", p.metadata().published().source());
        assertEquals("2025-07-08", p.metadata().published().localDate());
        PageContext fromUrl = PageContext.ofHtml("https://example.com/2025/03/09/some-story/",
                "<html><body><p>x</p></body></html>");
        new ParseStep().apply(fromUrl);
        new MetadataStep(new DateParser(StepTestSupport.CLOCK)).apply(fromUrl);
        assertEquals("url", fromUrl.metadata().published().source());
        assertEquals("2025-03-09", fromUrl.metadata().published().localDate());
    }

    @Test
    void impossibleDatesAreRejected() {
        PageContext future = meta("<meta property=\"article:published_time\" content=\"2031-01-01T00:00:00Z\">", "");
        assertNull(future.metadata().published(), "a date in the future");
        PageContext old = meta("<meta property=\"article:published_time\" content=\"1970-01-01T00:00:00Z\">", "");
        assertNull(old.metadata().published(), "a date before 1990");
        PageContext invalid = meta("<meta property=\"article:published_time\" content=\"2025-02-30\">", "");
        assertNull(invalid.metadata().published(), "no such day");
    }

    @Test
    void siteAccountsAreNotAuthors() {
        PageContext p = meta("<meta property=\"og:site_name\" content=\"Daily Planet\">"
                + "<meta name=\"author\" content=\"admin\">", "");
        assertTrue(p.metadata().authors().isEmpty());
        PageContext q = meta("<meta property=\"og:site_name\" content=\"Daily Planet\">"
                + "<meta name=\"author\" content=\"Daily Planet\">", "");
        assertTrue(q.metadata().authors().isEmpty());
        PageContext r = meta("", "<span class=\"byline\">Written by <a rel=\"author\" href=\"/a\">ADMIN</a></span>");
        assertTrue(r.metadata().authors().isEmpty());
    }

    @Test
    void titleLosesTheSiteName() {
        assertEquals("Flood defences hold on the coast",
                Titles.stripSiteName("Flood defences hold on the coast | Nordblatt", "Nordblatt", null));
        assertEquals("Flood defences hold on the coast",
                Titles.stripSiteName("Nordblatt - Flood defences hold on the coast", null, null));
        assertEquals("Page not found", Titles.stripSiteName("Page not found | The Gazette", null, null));
        PageContext p = meta("<title>Storm warning for the weekend – Nordblatt</title>"
                + "<meta property=\"og:site_name\" content=\"Nordblatt\">", "<h1>Nordblatt</h1>");
        assertEquals("Storm warning for the weekend", p.metadata().title(), "an h1 that is the site's name is not the headline");
        PageContext q = meta("<title>Storm warning: what to expect – Nordblatt</title>",
                "<h1>Storm warning for the weekend: gales and snow</h1>");
        assertEquals("Storm warning for the weekend: gales and snow", q.metadata().title(), "the visible headline wins");
    }

    @Test
    void datesAndBylinesFromClassNamedElements() {
        PageContext p = meta("", "<div class=\"post-date\">Posted on March 3, 2025</div>"
                + "<span class=\"author-name\">Jane Doe, MS, RD</span>");
        assertEquals("2025-03-03", p.metadata().published().localDate());
        assertEquals("text", p.metadata().published().source());
        assertEquals(List.of("Jane Doe"), p.metadata().authors());
    }

    @Test
    void canonicalUrlAndSiteName() {
        PageContext p = meta("<link rel=\"canonical\" href=\"https://example.com/a?x=1\">"
                + "<meta property=\"og:site_name\" content=\"Example News\">", "");
        assertEquals("https://example.com/a?x=1", p.metadata().canonicalUrl());
        assertEquals("Example News", p.metadata().siteName());
    }

    @Test
    void dateFormats() {
        DateParser d = new DateParser(StepTestSupport.CLOCK);
        assertEquals("2025-09-04", d.parse("September 4, 2025", "text").localDate());
        assertEquals("2025-09-04", d.parse("4 Sep 2025", "text").localDate());
        assertEquals("2025-09-04", d.parse("Thu, 04 Sep 2025 10:00:00 GMT", "meta").localDate());
        assertEquals("2025-09-04", d.parse("2025/09/04", "meta").localDate());
        assertEquals(Instant.parse("2025-09-04T08:00:00Z"), d.parse("2025-09-04T10:00:00+0200", "meta").instant());
        assertNull(d.parse("yesterday", "text"));
    }
}
