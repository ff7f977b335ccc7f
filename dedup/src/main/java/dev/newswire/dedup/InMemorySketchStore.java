package dev.newswire.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A {@link SketchStore} in hash maps: for evaluation, benchmarks and tests. Not thread-safe. */
public final class InMemorySketchStore implements SketchStore {

    private final Map<String, StoredArticle> articles = new HashMap<>();
    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, List<String>> buckets = new HashMap<>();

    @Override
    public StoredArticle article(String id) {
        return articles.get(id);
    }

    @Override
    public void putArticle(StoredArticle article) {
        articles.put(article.id(), article);
    }

    @Override
    public void removeArticle(String id) {
        articles.remove(id);
    }

    @Override
    public void forEachArticle(Consumer<StoredArticle> action) {
        new ArrayList<>(articles.values()).forEach(action);
    }

    @Override
    public String exact(String exactHash) {
        return exact.get(exactHash);
    }

    @Override
    public void putExact(String exactHash, String articleId) {
        exact.put(exactHash, articleId);
    }

    @Override
    public void removeExact(String exactHash) {
        exact.remove(exactHash);
    }

    @Override
    public List<String> bucket(String bucketKey) {
        return buckets.getOrDefault(bucketKey, List.of());
    }

    @Override
    public void putBucket(String bucketKey, List<String> articleIds) {
        if (articleIds.isEmpty()) {
            buckets.remove(bucketKey);
        } else {
            buckets.put(bucketKey, List.copyOf(articleIds));
        }
    }

    /** Number of stored articles. */
    public int size() {
        return articles.size();
    }
}
