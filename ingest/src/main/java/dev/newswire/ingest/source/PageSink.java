package dev.newswire.ingest.source;

import dev.newswire.ingest.KeyedPage;

/** Where a page source hands what it reads: a page to publish, or a record it skips and why. */
public interface PageSink {

    /** A page read from the input, keyed by its normalised URL. */
    void page(KeyedPage page);

    /**
     * A record that is not published.
     *
     * @param reason short machine-readable reason, counted in the summary
     * @param detail where and what, for the log
     */
    void skip(String reason, String detail);
}
