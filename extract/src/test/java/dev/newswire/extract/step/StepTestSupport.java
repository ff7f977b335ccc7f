package dev.newswire.extract.step;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the chain of steps up to a given one on a small HTML string. */
final class StepTestSupport {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

    private StepTestSupport() {
    }

    /** A page parsed and passed through the given steps, in order. */
    static PageContext run(String html, ExtractionStep... steps) {
        PageContext page = PageContext.ofHtml("https://example.com/news/story", html);
        new ParseStep().apply(page);
        for (ExtractionStep s : steps) {
            s.apply(page);
        }
        return page;
    }

    /** The whole chain after parsing. */
    static PageContext runAll(String html) {
        return run(html, new MetadataStep(new DateParser(CLOCK)), new PruneStep(), new MainContentStep(),
                new BlockExtractStep(), new BoilerplateFilterStep());
    }

    static String paragraphs(int n, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append("<p>").append(prefix).append(' ').append(i)
                    .append(": the reporters spoke to residents, officials and experts, who described in detail what "
                            + "had happened over the past week.</p>\n");
        }
        return sb.toString();
    }
}
