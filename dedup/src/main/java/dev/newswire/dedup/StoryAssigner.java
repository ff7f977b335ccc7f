package dev.newswire.dedup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives every article a story: the first-seen article of a story is its original (story id = its own id); a later
 * article with the same normalised text, or a similar enough one, joins that story and names the original in
 * {@code duplicateOf}. A second article with the same id (the same canonical URL fetched again, perhaps updated)
 * is a version: it keeps the story it had.
 *
 * <p>Steps, each small and named: {@link #versionOf}, {@link #exactCopyOf}, {@link #nearCopyOf}, {@link #remember}.
 * The decision depends on arrival order only (first seen wins), so replaying the same input gives the same stories.
 * Not thread-safe: one assigner per store, as one Kafka Streams task owns one store.
 */
public final class StoryAssigner {

    private final DedupSettings settings;
    private final SketchStore store;

    public StoryAssigner(DedupSettings settings, SketchStore store) {
        this.settings = settings;
        this.store = store;
    }

    /** The settings in use. */
    public DedupSettings settings() {
        return settings;
    }

    /**
     * Decides the story of one article and remembers it.
     *
     * @param articleId the article's id (same canonical URL, same id)
     * @param text      its clean text
     * @param seenAt    when it arrived (epoch ms): decides what is still inside the window
     */
    public StoryDecision assign(String articleId, String text, long seenAt) {
        return assign(articleId, Sketch.of(text, settings), seenAt);
    }

    /** {@link #assign(String, String, long)} with a sketch already made. */
    public StoryDecision assign(String articleId, Sketch sketch, long seenAt) {
        StoryDecision version = versionOf(articleId, sketch, seenAt);
        if (version != null) {
            return version;
        }
        StoryDecision decision = exactCopyOf(sketch, seenAt);
        if (decision == null) {
            decision = nearCopyOf(articleId, sketch, seenAt);
        }
        if (decision == null) {
            decision = new StoryDecision(articleId, null, StoryDecision.Kind.NEW_STORY, null, 0, 0);
        }
        remember(new StoredArticle(articleId, decision.storyId(), decision.duplicateOf(), seenAt, seenAt, sketch),
                sketch);
        return decision;
    }

    /** The same id seen before: keep its story, refresh its sketch and expiry. */
    private StoryDecision versionOf(String articleId, Sketch sketch, long seenAt) {
        StoredArticle known = alive(store.article(articleId), seenAt);
        if (known == null) {
            return null;
        }
        remember(known.seenAgain(seenAt, sketch), sketch);
        return new StoryDecision(known.storyId(), known.duplicateOf(), StoryDecision.Kind.VERSION, articleId, 1, 1);
    }

    /** Another article with the same normalised words. */
    private StoryDecision exactCopyOf(Sketch sketch, long seenAt) {
        if (sketch.shingleCount() == 0) {
            return null; // no text: nothing to compare
        }
        String id = store.exact(sketch.exactHash());
        StoredArticle original = id == null ? null : alive(store.article(id), seenAt);
        if (original == null) {
            return null;
        }
        return new StoryDecision(original.storyId(), original.storyId(), StoryDecision.Kind.EXACT_DUPLICATE,
                original.id(), 1, 1);
    }

    /** The most similar candidate from the LSH buckets, if it passes the duplicate rule. */
    private StoryDecision nearCopyOf(String articleId, Sketch sketch, long seenAt) {
        if (!comparable(sketch)) {
            return null;
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (String key : LshBands.bucketKeys(sketch, settings)) {
            candidates.addAll(store.bucket(key));
        }
        candidates.remove(articleId);
        StoredArticle best = null;
        double bestScore = 0;
        double bestJaccard = 0;
        double bestContainment = 0;
        for (String id : candidates) {
            StoredArticle c = alive(store.article(id), seenAt);
            if (c == null || c.sketch() == null || !comparable(c.sketch())) {
                continue;
            }
            double j = sketch.jaccard(c.sketch());
            double cont = sketch.containment(j, c.sketch());
            double score = duplicateScore(j, cont, sketch.lengthRatio(c.sketch()));
            if (score > bestScore || score == bestScore && best != null && score > 0 && c.firstSeen() < best.firstSeen()) {
                best = c;
                bestScore = score;
                bestJaccard = j;
                bestContainment = cont;
            }
        }
        if (best == null) {
            return null;
        }
        return new StoryDecision(best.storyId(), best.storyId(), StoryDecision.Kind.NEAR_DUPLICATE, best.id(),
                bestJaccard, bestContainment);
    }

    /**
     * The duplicate rule: above 0 only for a duplicate, higher for a closer copy. A copy either shares most of its
     * shingles with the other text (Jaccard), or is mostly contained in it (shortened or wrapped in a template)
     * while not being a small fraction of it.
     */
    double duplicateScore(double jaccard, double containment, double lengthRatio) {
        if (jaccard >= settings.jaccardThreshold()) {
            return 1 + jaccard;
        }
        if (containment >= settings.containmentThreshold() && lengthRatio >= settings.minLengthRatio()) {
            return containment;
        }
        return 0;
    }

    /** Stores the article, its fingerprint (first one wins) and its bucket memberships. */
    private void remember(StoredArticle article, Sketch sketch) {
        store.putArticle(article);
        if (sketch.shingleCount() > 0 && store.exact(sketch.exactHash()) == null) {
            store.putExact(sketch.exactHash(), article.id());
        }
        if (!comparable(sketch)) {
            return;
        }
        for (String key : LshBands.bucketKeys(sketch, settings)) {
            List<String> ids = new ArrayList<>(store.bucket(key));
            if (ids.contains(article.id())) {
                continue;
            }
            ids.add(article.id());
            if (ids.size() > settings.maxBucketSize()) {
                ids = ids.subList(ids.size() - settings.maxBucketSize(), ids.size());
            }
            store.putBucket(key, ids);
        }
    }

    /**
     * Forgets articles not seen for longer than the window, with their fingerprints and bucket entries.
     *
     * @return how many were forgotten
     */
    public int expire(long now) {
        List<StoredArticle> old = new ArrayList<>();
        store.forEachArticle(a -> {
            if (alive(a, now) == null) {
                old.add(a);
            }
        });
        for (StoredArticle a : old) {
            store.removeArticle(a.id());
            if (a.sketch() == null) {
                continue;
            }
            if (a.id().equals(store.exact(a.sketch().exactHash()))) {
                store.removeExact(a.sketch().exactHash());
            }
            if (!comparable(a.sketch())) {
                continue;
            }
            for (String key : LshBands.bucketKeys(a.sketch(), settings)) {
                List<String> ids = new ArrayList<>(store.bucket(key));
                if (ids.remove(a.id())) {
                    store.putBucket(key, ids);
                }
            }
        }
        return old.size();
    }

    private StoredArticle alive(StoredArticle a, long now) {
        return a != null && a.lastSeen() >= now - settings.window().toMillis() ? a : null;
    }

    private boolean comparable(Sketch sketch) {
        return sketch.shingleCount() >= settings.minShingles();
    }
}
