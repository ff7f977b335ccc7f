package dev.newswire.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void deeplyNestedMarkupDoesNotOverflowTheStack() {
        String html = "<html><body>" + "<div><span>".repeat(100_000) + "deep" + "</span></div>".repeat(100_000)
                + "<p>After the nesting comes a paragraph with enough words to be kept as text.</p></body></html>";
        ExtractionResult r = extractor.extract(html, null);
        assertNotNull(r.pageKind());
    }

    @Test
    void randomBytesAndBrokenMarkupNeverThrowUnexpectedly() {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] b = new byte[1 + random.nextInt(5000)];
            random.nextBytes(b);
            try {
                ExtractionResult r = extractor.extract(b, null, null);
                assertNotNull(r.pageKind());
            } catch (UndecodableContentException expected) {
                // binary bodies go to the dead-letter topic
            }
        }
        String[] broken = {"<", "<html", "<p>unclosed <b>bold <i>italic", "</div></div></body>", "<!--", "<script>",
                "<table><tr><td>cell<tr><td>cell</table></table>", "&amp;&#x110000;&#0;&bogus;", "<svg><p>x</svg>"};
        for (String html : broken) {
            assertNotNull(extractor.extract(html, null).pageKind(), html);
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
