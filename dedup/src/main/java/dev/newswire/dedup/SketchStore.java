package dev.newswire.dedup;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the index lives: three key-value maps. In memory for evaluation and benchmarks
 * ({@link InMemorySketchStore}); in Kafka Streams state stores (changelog-backed) in the enrich topology.
 */
public interface SketchStore {

    /** The article with this id, or null. */
    StoredArticle article(String id);

    void putArticle(StoredArticle article);

    void removeArticle(String id);

    /** Calls {@code action} for every stored article (for expiry). */
    void forEachArticle(Consumer<StoredArticle> action);

    /** The article id first seen with this exact text fingerprint, or null. */
    String exact(String exactHash);

    void putExact(String exactHash, String articleId);

    void removeExact(String exactHash);

    /** The article ids in an LSH bucket, oldest first; empty when none. */
    List<String> bucket(String bucketKey);

    /** Replaces a bucket's ids; an empty list removes the bucket. */
    void putBucket(String bucketKey, List<String> articleIds);
}
