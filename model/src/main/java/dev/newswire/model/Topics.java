package dev.newswire.model;

import java.util.List;
import java.util.Map;

/**
 * The one place for the pipeline's topic names and how they are created. Every stage, the launcher and the tests
 * use these constants.
 */
public final class Topics {

    /** Raw pages from crawlers, JSON {@link RawPage}, keyed by {@link Keys#pageKey(String)} of the URL. */
    public static final String RAW = "news.raw";
    /**
     * Enriched articles before story assignment, inside the enrich application. One partition on purpose: copies of
     * a story have different URLs (different partitions of news.raw), and one task must see them all, in one order,
     * to group them (dedup/README.md).
     */
    public static final String ENRICHED = "news.enriched";
    /** Enriched articles, JSON {@link Article}, keyed by the article id. */
    public static final String ARTICLES = "news.articles";
    /** Records that a stage could not handle: the original key and value, the reason in headers. */
    public static final String DLQ = "news.dlq";

    /** Large enough for real pages (a few MB of HTML, base64-encoded) and their articles. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private Topics() {
    }

    /**
     * How one topic is created.
     *
     * @param name       the topic name
     * @param partitions partition count
     * @param replication replication factor
     * @param configs    topic-level configs
     */
    public record TopicSpec(String name, int partitions, short replication, Map<String, String> configs) {
    }

    /** The pipeline's topics as they are created on start-up. */
    public static List<TopicSpec> specs(int partitions, short replication) {
        Map<String, String> dataConfigs = Map.of(
                "compression.type", "zstd",
                "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES),
                "min.insync.replicas", replication > 1 ? "2" : "1");
        Map<String, String> dlqConfigs = Map.of(
                "compression.type", "zstd",
                "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES),
                "retention.ms", Long.toString(30L * 24 * 3600 * 1000),
                "min.insync.replicas", replication > 1 ? "2" : "1");
        Map<String, String> handOverConfigs = Map.of(
                "compression.type", "zstd",
                "max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES),
                // a hand-over between two steps of one application: a week is plenty to recover
                "retention.ms", Long.toString(7L * 24 * 3600 * 1000),
                "min.insync.replicas", replication > 1 ? "2" : "1");
        return List.of(
                new TopicSpec(RAW, partitions, replication, dataConfigs),
                new TopicSpec(ENRICHED, 1, replication, handOverConfigs),
                new TopicSpec(ARTICLES, partitions, replication, dataConfigs),
                new TopicSpec(DLQ, Math.max(1, partitions / 2), replication, dlqConfigs));
    }
}
