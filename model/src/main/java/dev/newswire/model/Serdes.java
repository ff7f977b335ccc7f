package dev.newswire.model;

import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes of the pipeline's topics, in one place; every producer, consumer and topology takes its serdes from here.
 * Keys are UTF-8 strings on every topic (the normalised URL in {@link Topics#RAW}, the article id in
 * {@link Topics#ENRICHED} and {@link Topics#ARTICLES}, the original key in {@link Topics#DLQ}). Values travel as
 * bytes and the stage that consumes them reads them with {@link Json}: a record that cannot be read then becomes a
 * dead letter with its reason, instead of an exception inside the Kafka client that no stage could route.
 */
public final class Serdes {

    private Serdes() {
    }

    /** The keys of the pipeline's topics. */
    public static Serde<String> key() {
        return org.apache.kafka.common.serialization.Serdes.String();
    }

    /**
     * The values of the pipeline's topics ({@link Json#write}, {@link RawPageEnvelope#write}, {@link Json#readRawPage},
     * {@link Json#readArticle}),
     * and keys too where a tool reads whatever a topic holds.
     */
    public static Serde<byte[]> bytes() {
        return org.apache.kafka.common.serialization.Serdes.ByteArray();
    }
}
