package dev.newswire.model;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serdes for the pipeline's payloads. Keys are UTF-8 strings everywhere. Raw pages travel as bytes through enrich
 * (it parses them itself, so a bad record becomes a dead letter instead of a deserialisation failure).
 */
public final class Serdes {

    private Serdes() {
    }

    public static Serde<String> key() {
        return org.apache.kafka.common.serialization.Serdes.String();
    }

    public static Serde<byte[]> bytes() {
        return org.apache.kafka.common.serialization.Serdes.ByteArray();
    }

    /** Articles as JSON; reading checks the schema version. */
    public static Serde<Article> article() {
        Serializer<Article> ser = (topic, article) -> article == null ? null : Json.write(article);
        Deserializer<Article> de = (topic, bytes) -> bytes == null ? null : Json.readArticle(bytes);
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(ser, de);
    }

    /** Raw pages as JSON; reading checks the schema version and required fields. */
    public static Serde<RawPage> rawPage() {
        Serializer<RawPage> ser = (topic, page) -> page == null ? null : Json.write(page);
        Deserializer<RawPage> de = (topic, bytes) -> bytes == null ? null : Json.readRawPage(bytes);
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(ser, de);
    }
}
