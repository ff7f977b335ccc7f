package dev.newswire.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractorTest {

    private final Extractor extractor = Extractor.create();

    /** The project's reference page: an AP story reposted on a WordPress-style blog. */
    @Test
    void blogRepostKeepsEveryStoryParagraphAndDropsTheBoilerplate() throws Exception {
        ExtractionResult r = extractor.extract(Fixtures.bytes("blog-repost.html"), "text/html; charset=UTF-8",
                "https://blog.example.org/2024/06/18/putin-pyongyang/");
        List<String> story = Fixtures.text("blog-repost-story.txt").lines().filter(l -> !l.isBlank()).toList();
        assertEquals(story, r.paragraphs(), "exactly the story paragraphs, in order");
        String text = r.text();
        for (String boilerplate : List.of("Source link", "What do you think?", "Written by ADMIN", "Leave a Reply",
                "Your email address will not be published", "Required fields are marked", "GIPHY App Key not set",
                "Les Diables rouges", "Thailand is the first", "Share this", "Skip to content", "Recent Posts",
                "cookies", "Proudly powered", "Post navigation", "World News Daily Blog brings you")) {
            assertFalse(text.contains(boilerplate), () -> "boilerplate kept: " + boilerplate);
        }
        assertEquals("Ahead of his summit with North Korea's Kim, Putin promised they would defeat sanctions together",
                r.title());
        assertTrue(r.authors().isEmpty(), "ADMIN is not a person: " + r.authors());
        assertEquals(Instant.parse("2024-06-18T09:12:44Z"), r.published());
        assertEquals("meta", r.publishedSource());
        assertEquals(Instant.parse("2024-06-18T09:15:02Z"), r.modified());
        assertEquals("https://blog.example.org/2024/06/18/putin-pyongyang/", r.canonicalUrl());
        assertEquals("World News Daily Blog", r.siteName());
        assertEquals("en", r.language());
        assertEquals("UTF-8", r.charset());
        assertTrue(r.isArticle());
        assertEquals(0.0, r.linkDensity(), 0.01);
    }

    /** The project's own sample page (samples/pages at the project root), when the work tree has it. */
    @Test
    void projectSamplePageOfTheRepost() throws Exception {
        java.nio.file.Path sample = java.nio.file.Path.of("..", "samples", "pages", "ap-putin-pyongyang-repost.html");
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.isRegularFile(sample), "no sample page at " + sample);
        ExtractionResult r = extractor.extract(java.nio.file.Files.readAllBytes(sample), null, null);
        List<String> story = Fixtures.text("blog-repost-story.txt").lines().filter(l -> !l.isBlank()).toList();
        assertEquals(story, r.paragraphs());
        assertTrue(r.authors().isEmpty());
        assertTrue(r.isArticle());
    }

    @Test
    void newsArticleKeepsOneLineParagraphsQuotesHeadingsAndLists() {
        ExtractionResult r = extractor.extract(Fixtures.text("news-article.html"), "https://gazette.example.com/x");
        List<String> p = r.paragraphs();
        assertEquals("The city council voted 9 to 2 on Tuesday night to build a tram line from the port to the "
                + "university, ending a decade of debate over how to connect the two halves of the city.", p.get(0));
        assertTrue(p.contains("Work starts next year."), "one-line paragraph kept");
        assertTrue(p.contains("What happens next"), "heading kept");
        assertTrue(p.stream().anyMatch(s -> s.startsWith("“This is the biggest decision")), "quote kept");
        assertTrue(p.contains("Consultation opens in April and closes at the end of June."), "list item kept");
        assertTrue(p.stream().anyMatch(s -> s.contains("should leave a reply period")),
                "a story sentence that contains boilerplate words stays");
        assertTrue(p.get(p.size() - 1).startsWith("The tram is expected to carry 40,000"));
        String text = r.text();
        for (String boilerplate : List.of("Share on", "Advertisement", "Related:", "morning briefing", "About time",
                "Most read", "All rights reserved", "By Maria Lopez", "City council approves new tram line")) {
            assertFalse(text.contains(boilerplate), () -> "boilerplate kept: " + boilerplate);
        }
        assertEquals("City council approves new tram line", r.title());
        assertEquals(List.of("Maria Lopez", "Tom O'Brien"), r.authors());
        assertEquals(Instant.parse("2025-03-04T23:30:00Z"), r.published());
        assertEquals("2025-03-04", r.publishedDate(), "the date as the page wrote it, not shifted to UTC");
        assertEquals("json-ld", r.publishedSource());
        assertEquals("json-ld", r.modifiedSource());
        assertEquals("https://gazette.example.com/news/2025/03/04/tram-line", r.canonicalUrl());
        assertEquals("The Harbour Gazette", r.siteName());
        assertEquals("The line will link the port to the university by 2029.", r.description());
        assertTrue(r.isArticle());
    }

    @Test
    void textJoinsParagraphsWithABlankLine() {
        ExtractionResult r = extractor.extract(Fixtures.text("news-article.html"), null);
        assertEquals(String.join("\n\n", r.paragraphs()), r.text());
        assertEquals(r.text().length(), r.textLength());
    }

    @Test
    void nonArticlesAreFlagged() {
        assertEquals("index", extractor.extract(Fixtures.text("index-page.html"), null).pageKind());
        ExtractionResult error = extractor.extract(Fixtures.text("error-page.html"), null);
        assertEquals("error", error.pageKind());
        assertFalse(error.isArticle());
        assertEquals("paywall", extractor.extract(Fixtures.text("paywall-page.html"), null).pageKind());
        assertEquals("empty", extractor.extract("<html><body><nav><a href=/>Home</a></nav></body></html>", null)
                .pageKind());
        assertEquals("empty", extractor.extract("", null).pageKind());
    }

    @Test
    void bodiesThatAreNotHtmlTextAreUndecodable() {
        assertThrows(UndecodableContentException.class, () -> extractor.extract(new byte[0], "text/html", null));
        assertThrows(UndecodableContentException.class,
                () -> extractor.extract(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}, null, null));
        assertThrows(UndecodableContentException.class,
                () -> extractor.extract("%PDF-1.7 binary".getBytes(StandardCharsets.US_ASCII), null, null));
        assertThrows(UndecodableContentException.class, () -> extractor.extract("   \n ".getBytes(), null, null));
    }

    @Test
    void theTwelveComponentConstructorStillWorks() {
        ExtractionResult r = new ExtractionResult("t", null, Instant.parse("2025-01-02T03:04:05Z"), "meta", null,
                null, null, "en", List.of("a", "b"), "UTF-8", "article", 0.0);
        assertEquals("a\n\nb", r.text());
        assertEquals("2025-01-02", r.publishedDate());
        assertNotNull(r.authors());
    }
}
