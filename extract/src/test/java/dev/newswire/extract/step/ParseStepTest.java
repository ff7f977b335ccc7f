package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParseStepTest {

    @Test
    void thinningCutsScriptsStylesAndCommentsButKeepsJsonLd() {
        String html = "<html><head><style>p{color:red}</style><script>var a = '<p>not text</p>';</script>"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><!-- a <p>comment</p> -->"
                + "</head><body><p>Story</p><SCRIPT src=x.js>alert(1)</SCRIPT></body></html>";
        String thin = ParseStep.thin(html);
        assertFalse(thin.contains("not text"));
        assertFalse(thin.contains("color:red"));
        assertFalse(thin.contains("comment"));
        assertFalse(thin.contains("alert"));
        assertTrue(thin.contains("{\"@type\":\"NewsArticle\"}"));
        assertTrue(thin.contains("<p>Story</p>"));
    }

    @Test
    void thinningLeavesPlainMarkupAlone() {
        String html = "<p>a < b and <strong>c</strong></p><section>s</section>";
        assertEquals(html, ParseStep.thin(html));
    }

    @Test
    void anUnclosedScriptOrCommentDoesNotLoop() {
        assertTrue(ParseStep.thin("<p>x</p><script>never closed").startsWith("<p>x</p><script>"));
        assertEquals("<p>x</p>", ParseStep.thin("<p>x</p><!-- never closed"));
    }

    @Test
    void hugeInputIsCappedBeforeParsing() {
        StringBuilder sb = new StringBuilder("<html><body>");
        while (sb.length() < Heuristics.MAX_HTML_CHARS + 100_000) {
            sb.append("<p>filler text for a very long page</p>");
        }
        PageContext page = PageContext.ofHtml(null, sb.toString());
        new ParseStep().apply(page);
        assertTrue(page.doc().body().text().length() < Heuristics.MAX_HTML_CHARS);
    }
}
