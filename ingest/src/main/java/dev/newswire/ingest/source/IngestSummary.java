package dev.newswire.ingest.source;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one ingestion run did: records read, pages published, records skipped by reason. Every record read is
 * either published or skipped, so {@code read == published + skipped total}.
 */
public final class IngestSummary {

    private long read;
    private long published;
    private final Map<String, Long> skipped = new TreeMap<>();

    void countRead() {
        read++;
    }

    void countPublished() {
        published++;
    }

    void countSkipped(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /** Records read (HTML files, non-blank JSON lines, WARC records). */
    public long read() {
        return read;
    }

    /** Pages published to news.raw (acknowledged once the run returns). */
    public long published() {
        return published;
    }

    /** Records not published, by reason (warc-request, not-html, http-404, revisit, invalid-field, …). */
    public Map<String, Long> skipped() {
        return Map.copyOf(skipped);
    }

    /** Records skipped for any reason. */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return "read " + read + ", published " + published + ", skipped " + skippedTotal()
                + (skipped.isEmpty() ? "" : " " + skipped);
    }
}
