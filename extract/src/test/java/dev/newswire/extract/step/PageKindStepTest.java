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
    void emptyPage() {
        assertEquals("empty", kind("<html><body><nav><a href=/>Home</a></nav></body></html>"));
    }
}
