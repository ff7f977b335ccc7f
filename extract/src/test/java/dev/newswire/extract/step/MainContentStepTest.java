package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainContentStepTest {

    @Test
    void findsTheArticleAmongSidebarsByTextStatistics() {
        PageContext p = StepTestSupport.run("<html><body><div id=\"wrap\"><div id=\"left\">"
                + StepTestSupport.paragraphs(8, "Story") + "</div><div id=\"right\"><ul>"
                + "<li><a href=/1>Another headline that is long enough</a></li><li><a href=/2>One more headline here</a></li>"
                + "</ul><p>A short blurb about the site and its team of writers.</p></div></div></body></html>",
                new PruneStep(), new MainContentStep());
        assertEquals(1, p.contentRoots().size());
        assertEquals("left", p.contentRoots().get(0).id());
    }

    @Test
    void prefersAKnownContentContainer() {
        PageContext p = StepTestSupport.run("<html><body><div id=\"post\"><div class=\"intro\">"
                + StepTestSupport.paragraphs(2, "Teaser") + "</div><div class=\"entry-content\">"
                + StepTestSupport.paragraphs(6, "Story") + "</div></div></body></html>",
                new PruneStep(), new MainContentStep());
        assertTrue(p.contentRoots().get(p.contentRoots().size() - 1).hasClass("entry-content"));
    }

    @Test
    void takesTheLeadThatSitsBesideTheArticleBody() {
        PageContext p = StepTestSupport.run("<html><body><div id=\"post\"><ul class=\"menu-list\"><li><a href=/1>Home</a>"
                + "</li><li><a href=/2>World news and more</a></li></ul><div class=\"standfirst\">"
                + StepTestSupport.paragraphs(2, "Lead") + "</div><div class=\"entry-content\">"
                + StepTestSupport.paragraphs(6, "Story") + "</div></div></body></html>",
                new PruneStep(), new MainContentStep());
        assertEquals(2, p.contentRoots().size());
        assertTrue(p.contentRoots().get(0).hasClass("standfirst"), "the lead comes first");
        assertTrue(p.contentRoots().get(1).hasClass("entry-content"));
    }

    @Test
    void aLinkListBeforeTheArticleIsNoLead() {
        StringBuilder links = new StringBuilder("<div class=\"col\">");
        for (int i = 0; i < 6; i++) {
            links.append("<p><a href=/").append(i).append(">A headline of another story on the site, number ").append(i)
                    .append("</a></p>");
        }
        PageContext p = StepTestSupport.run("<html><body><div id=\"post\">" + links + "</div><div class=\"entry-content\">"
                + StepTestSupport.paragraphs(6, "Story") + "</div></div></body></html>",
                new PruneStep(), new MainContentStep());
        assertEquals(1, p.contentRoots().size());
        assertTrue(p.contentRoots().get(0).hasClass("entry-content"));
    }

    @Test
    void keepsEveryPartOfABodySplitByAds() {
        PageContext p = StepTestSupport.run("<html><body><article><div class=\"article-body\">"
                + StepTestSupport.paragraphs(4, "First") + "</div><div class=\"ad\">Advertisement</div>"
                + "<div class=\"article-body\">" + StepTestSupport.paragraphs(3, "Second") + "</div></article></body></html>",
                new PruneStep(), new MainContentStep());
        assertEquals(2, p.contentRoots().size());
    }
}
