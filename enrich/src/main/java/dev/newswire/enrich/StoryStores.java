package dev.newswire.enrich;

import dev.newswire.dedup.SketchStore;
import dev.newswire.dedup.StoredArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup index in three Kafka Streams key-value stores, persistent (RocksDB) and changelog-backed, so a
 * restarted or moved task gets its index back: articles by id, first article id by text fingerprint, article ids
 * by LSH bucket.
 */
final class StoryStores implements SketchStore {

    static final String ARTICLES = "dedup-articles";
    static final String FINGERPRINTS = "dedup-fingerprints";
    static final String BUCKETS = "dedup-buckets";

    private final KeyValueStore<String, byte[]> articles;
    private final KeyValueStore<String, String> fingerprints;
    private final KeyValueStore<String, String> buckets;

    StoryStores(ProcessorContext<?, ?> context) {
        this.articles = context.getStateStore(ARTICLES);
        this.fingerprints = context.getStateStore(FINGERPRINTS);
        this.buckets = context.getStateStore(BUCKETS);
    }

    /** Builders of the three stores (logging on: the changelog is what survives a restart). */
    static List<StoreBuilder<?>> builders() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES), Serdes.String(), Serdes.ByteArray()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(FINGERPRINTS), Serdes.String(), Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUCKETS), Serdes.String(), Serdes.String()));
    }

    @Override
    public StoredArticle article(String id) {
        byte[] b = articles.get(id);
        return b == null ? null : StoredArticle.fromBytes(b);
    }

    @Override
    public void putArticle(StoredArticle article) {
        articles.put(article.id(), article.toBytes());
    }

    @Override
    public void removeArticle(String id) {
        articles.delete(id);
    }

    @Override
    public void forEachArticle(Consumer<StoredArticle> action) {
        try (KeyValueIterator<String, byte[]> it = articles.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                action.accept(StoredArticle.fromBytes(kv.value));
            }
        }
    }

    @Override
    public String exact(String exactHash) {
        return fingerprints.get(exactHash);
    }

    @Override
    public void putExact(String exactHash, String articleId) {
        fingerprints.put(exactHash, articleId);
    }

    @Override
    public void removeExact(String exactHash) {
        fingerprints.delete(exactHash);
    }

    @Override
    public List<String> bucket(String bucketKey) {
        String ids = buckets.get(bucketKey);
        return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }

    @Override
    public void putBucket(String bucketKey, List<String> articleIds) {
        if (articleIds.isEmpty()) {
            buckets.delete(bucketKey);
        } else {
            buckets.put(bucketKey, String.join(",", new ArrayList<>(articleIds)));
        }
    }
}
