package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PruneStepTest {

    private static String pruned(String body) {
        PageContext p = StepTestSupport.run("<html><body>" + body + "</body></html>", new PruneStep());
        return p.doc().body().text();
    }

    @Test
    void removesFurnitureAndBoilerplateBlocks() {
        String text = pruned("<nav>Home News</nav><div class=\"share-bar\">Share Tweet</div>"
                + "<div id=\"comments\" class=\"comments-area\">Great post!</div><div class=\"cookie-banner\">We use cookies</div>"
                + "<span class=\"screen-reader-text\">Opens in new window</span><div hidden>hidden</div><div style=\"visibility: hidden\">invisible</div>"
                + "<div class=\"entry-content\">" + StepTestSupport.paragraphs(5, "Story") + "</div>"
                + "<div class=\"related-posts\">Other story</div><footer>Copyright</footer><form><input name=q></form>");
        assertTrue(text.contains("Story 5"));
        for (String gone : new String[] {"Home", "Share", "Great post", "cookies", "new window", "hidden", "invisible",
                "Other story", "Copyright"}) {
            assertFalse(text.contains(gone), gone);
        }
    }

    @Test
    void keepsTheArticleWhateverItsClassSays() {
        String text = pruned("<article class=\"post has-comments tag-related-reading author-admin\">"
                + StepTestSupport.paragraphs(4, "Story") + "</article>");
        assertTrue(text.contains("Story 4"));
    }

    @Test
    void keepsAWrapperThatHoldsTheArticle() {
        String text = pruned("<div class=\"layout with-sidebar sidebar-right\"><div class=\"entry-content\">"
                + StepTestSupport.paragraphs(4, "Story") + "</div></div>");
        assertTrue(text.contains("Story 4"));
    }

    @Test
    void keepsPageBuilderWidgetsThatHoldText() {
        String text = pruned("<div class=\"elementor-widget elementor-widget-text-editor\"><div class=\"elementor-widget-container\">"
                + StepTestSupport.paragraphs(3, "Story") + "</div></div>");
        assertTrue(text.contains("Story 3"));
    }

    @Test
    void keepsCollapsedAccordionContent() {
        String text = pruned("<div class=\"entry-content\"><h3>Step 1</h3><div style=\"display:none\">"
                + StepTestSupport.paragraphs(2, "Collapsed") + "</div></div>");
        assertTrue(text.contains("Collapsed 2"));
    }

    @Test
    void keepsStreamedContentParkedInHiddenBoundaries() {
        String text = pruned("<div hidden id=\"S:0\">" + StepTestSupport.paragraphs(2, "Story") + "</div>");
        assertTrue(text.contains("Story 2"));
    }

    @Test
    void classesInsideCodeAreSyntaxHighlightingNotBoilerplate() {
        String text = pruned("<div class=\"entry-content\">" + StepTestSupport.paragraphs(3, "Story")
                + "<pre><code><span class=\"hljs-comment\"># initialise the repository</span>\ngit init</code></pre></div>"
                + "<div class=\"comments\">Great post!</div>");
        assertTrue(text.contains("# initialise the repository"));
        assertFalse(text.contains("Great post"));
    }

    @Test
    void dropsElementsNestedBeyondTheDepthLimit() {
        String deep = "<div>".repeat(Heuristics.MAX_ELEMENT_DEPTH + 50) + "deep text" + "</div>".repeat(Heuristics.MAX_ELEMENT_DEPTH + 50);
        String text = pruned("<p>shallow text</p>" + deep);
        assertTrue(text.contains("shallow text"));
        assertFalse(text.contains("deep text"));
    }
}
