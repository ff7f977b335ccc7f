package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageKindStepTest {

    private static String kind(String html) {
        PageContext p = StepTestSupport.runAll(html);
        new PageKindStep().apply(p);
        return p.verdict().kind();
    }

    @Test
    void article() {
        assertEquals("article", kind("<html><body><article>" + StepTestSupport.paragraphs(5, "Story")
                + "</article></body></html>"));
    }

    @Test
    void errorPage() {
        assertEquals("error", kind("<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
                + "<p>The requested URL was not found on this server.</p></body></html>"));
    }

    @Test
    void paywallStub() {
        assertEquals("paywall", kind("<html><body><article><p>The port authority has drawn up plans to double the size "
                + "of the container terminal, documents show.</p><p>Subscribe to continue reading.</p></article></body></html>"));
    }

    @Test
    void indexPage() {
        StringBuilder links = new StringBuilder("<ul>");
        for (int i = 0; i < 20; i++) {
            links.append("<li><a href=/n/").append(i).append(">Headline number ").append(i)
                    .append(" about something that happened</a></li>");
        }
        assertEquals("index", kind("<html><body><h1>Latest</h1>" + links + "</ul></body></html>"));
    }

    @Test
    void forumThread() {
        StringBuilder posts = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            posts.append("<article class=\"message message--post\"><div class=\"message-user\"><span class=\"avatar\">")
                    .append("</span><a class=\"username\" href=/u/").append(i).append(">member").append(i).append("</a></div>")
                    .append("<time datetime=\"2025-03-0").append(i + 1).append("\">Mar ").append(i + 1).append("</time>")
                    .append("<div class=\"message-body bbcode\"><p>I set up my tank last week and the water is still cloudy, ")
                    .append("should I wait before adding fish or change the filter media first? Reply ").append(i)
                    .append(".</p></div><div class=\"message-actions\"><a href=/r>Reply</a> <a href=/q>Quote</a></div></article>");
        }
        String html = "<html><head><title>New tank setup advice | Fish Forums</title>"
                + "<link rel=\"canonical\" href=\"https://forum.example.com/threads/new-tank-setup-advice.4637/\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"DiscussionForumPosting\",\"headline\":"
                + "\"New tank setup advice\"}</script></head><body><h1>New tank setup advice</h1><div class=\"thread\">"
                + posts + "</div></body></html>";
        assertEquals("forum", kind(html));
    }

    @Test
    void aNewsStoryWithADateAndBylineStaysAnArticle() {
        String html = "<html><head><title>Council approves tram line</title>"
                + "<meta property=\"og:type\" content=\"article\">"
                + "<meta property=\"article:published_time\" content=\"2025-03-04T10:00:00Z\">"
                + "<link rel=\"canonical\" href=\"https://news.example.com/2025/03/04/council-approves-tram-line\">"
                + "</head><body><article><h1>Council approves tram line</h1><p class=\"byline\">By Maria Lopez</p>"
                + StepTestSupport.paragraphs(8, "Story") + "</article></body></html>";
        assertEquals("article", kind(html));
    }

    @Test
    void withoutTheClassifierOnlyTheRulesFlag() {
        String html = "<html><body><article>" + StepTestSupport.paragraphs(5, "Story") + "</article></body></html>";
        PageContext p = StepTestSupport.runAll(html);
        new PageKindStep(null).apply(p);
        assertEquals("article", p.verdict().kind());
    }

    @Test
    void emptyPage() {
        assertEquals("empty", kind("<html><body><nav><a href=/>Home</a></nav></body></html>"));
    }
}
