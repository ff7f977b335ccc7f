package dev.newswire.crawl;

import dev.newswire.model.RawPage;

/** Where a reader hands what it finds: a page to publish, or a record it skips and why. */
public interface PageSink {

    /** A page read from the input. */
    void page(RawPage page);

    /**
     * A record that is not published.
     *
     * @param reason short machine-readable reason, counted in the summary
     * @param detail where and what, for the log
     */
    void skip(String reason, String detail);
}
