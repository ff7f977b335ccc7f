package dev.newswire.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.extract.step.DecodeStep;
import dev.newswire.extract.step.ExtractionStep;
import dev.newswire.extract.step.Heuristics;
import dev.newswire.extract.step.PageContext;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pathological pages: the extractor must return a flagged result, never crash. No timing asserts here. */
class ExtractorRobustnessTest {

    private final Extractor extractor = Extractor.create();

    @Test
    void aTenMegabytePageIsCappedAndStillExtracted() throws Exception {
        StringBuilder sb = new StringBuilder("<html><head><title>Big</title></head><body><article>");
        sb.append("<p>The first paragraph of a very long page, written to test the size cap of the extractor.</p>");
        while (sb.length() < 10_000_000) {
            sb.append("<div class=\"row\"><span>cell</span><span>value 12345</span></div>\n");
        }
        sb.append("</article></body></html>");
        ExtractionResult r = extractor.extract(sb.toString().getBytes(StandardCharsets.UTF_8), "text/html", null);
        assertNotNull(r.pageKind());
        assertTrue(r.text().startsWith("The first paragraph"));
    }

    /**
     * Runs every step on the page without the extractor's safety net (which turns a failing step into a flagged
     * result), so that a step that throws fails the test.
     */
    private PageContext runEveryStep(PageContext page) {
        for (ExtractionStep step : extractor.steps()) {
            step.apply(page);
        }
        return page;
    }

    @Test
    void deeplyNestedMarkupDoesNotOverflowTheStack() {
        // 60,000 levels: as deep as fits under the 2 M character cap, so the paragraph after them is still read
        int levels = 60_000;
        String paragraph = "After the nesting comes a paragraph with enough words to be kept as text.";
        String html = "<html><body>" + "<div><span>".repeat(levels) + "deep" + "</span></div>".repeat(levels)
                + "<p>" + paragraph + "</p></body></html>";
        assertTrue(html.length() < Heuristics.MAX_HTML_CHARS, "the test page must not be cut by the size cap");
        PageContext page = runEveryStep(PageContext.ofHtml(null, html));
        assertEquals(paragraph, page.text(), "the nesting is dropped beyond the depth limit, the paragraph kept");
        assertEquals(paragraph, extractor.extract(html, null).text());
    }

    /** Markup pieces, entities, words and stray bytes that random pages are made of. */
    private static final String[] SOUP = {"<p>", "</p>", "<div class=\"entry-content\">", "<div class=\"share\">",
        "</div>", "<a href=/x>", "</a>", "<table><tr><td>", "</td>", "<li>", "<ul>", "<h1>", "</h1>", "<br>",
        "<script>", "</script>", "<!--", "-->", "<title>", "&amp;", "&#", "&#0;", "<article>", "<time datetime=",
        "\"", "<", ">", "/", "=", " ", "\n", "the", "council", "approved", "budget", "Löwe", "€", "日本"};

    private static byte[] randomBytes(Random random) {
        byte[] b = new byte[1 + random.nextInt(5000)];
        random.nextBytes(b);
        return b;
    }

    private static byte[] randomTagSoup(Random random) {
        StringBuilder sb = new StringBuilder();
        int pieces = 1 + random.nextInt(2000);
        for (int i = 0; i < pieces; i++) {
            sb.append(SOUP[random.nextInt(SOUP.length)]);
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length / 50; i++) {
            text[random.nextInt(text.length)] = (byte) (0x80 + random.nextInt(0x80)); // a broken multi-byte sequence
        }
        return text;
    }

    @Test
    void randomBytesAreRefusedOrExtractedWithoutAnyStepFailing() {
        Random random = new Random(42);
        int refused = 0;
        int extracted = 0;
        for (int i = 0; i < 200; i++) {
            byte[] b = i % 2 == 0 ? randomBytes(random) : randomTagSoup(random);
            PageContext page = PageContext.ofBytes(null, b, null);
            new DecodeStep().apply(page);
            if (page.undecodableReason() != null) {
                refused++;
                assertThrows(UndecodableContentException.class, () -> extractor.extract(b, null, null));
                continue;
            }
            extracted++;
            runEveryStep(page);
            assertNotNull(page.verdict(), "every step ran, the last one included");
            assertTrue(page.text().chars().noneMatch(c -> c < 0x20 && c != '\n'), "no control characters in the text");
        }
        assertTrue(refused >= 90, "random bytes carry NUL bytes and are refused as binary: " + refused);
        assertTrue(extracted >= 90, "tag soup is text and goes through every step: " + extracted);
    }

    @Test
    void brokenMarkupGivesWhatABrowserShows() {
        // the input, the text a reader sees (a control character reads as a space), the page kind
        String[][] cases = {
                {"<", "", "empty"},
                {"<html", "", "empty"},
                {"<p>unclosed <b>bold <i>italic", "unclosed bold italic", "index"},
                {"</div></div></body>", "", "empty"},
                {"<!--", "", "empty"},
                {"<script>", "", "empty"},
                {"<table><tr><td>cell<tr><td>cell</table></table>", "cell\n\ncell", "index"},
                {"&amp;&#x110000;&#0;&bogus;", "&\ufffd &bogus;", "index"}, // no NUL: a database refuses it
                {"<svg><p>x</svg>", "", "empty"}};
        for (String[] c : cases) {
            PageContext page = runEveryStep(PageContext.ofHtml(null, c[0]));
            assertEquals(c[1], page.text(), c[0]);
            assertEquals(c[2], page.verdict().kind(), c[0]);
            ExtractionResult r = extractor.extract(c[0], null);
            assertEquals(c[1], r.text(), c[0]);
            assertEquals(c[2], r.pageKind(), c[0]);
        }
    }

    @Test
    void htmlEntitiesAreDecoded() {
        ExtractionResult r = extractor.extract("<html><body><p>Caf&eacute; &amp; cr&#232;me &#x2014; &ldquo;fine&rdquo;"
                + " said the owner, who has run the place for thirty years on the corner.</p></body></html>", null);
        assertEquals("Café & crème — “fine” said the owner, who has run the place for thirty years on the corner.",
                r.paragraphs().get(0));
    }

    @Test
    void theExtractorIsSafeToShareBetweenThreads() throws Exception {
        byte[] page = Fixtures.bytes("news-article.html");
        String expected = extractor.extract(page, null, null).text();
        Thread[] threads = new Thread[4];
        String[] results = new String[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int slot = t;
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        results[slot] = extractor.extract(page, null, null).text();
                    }
                } catch (UndecodableContentException e) {
                    results[slot] = e.toString();
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (String r : results) {
            assertEquals(expected, r);
        }
    }
}
