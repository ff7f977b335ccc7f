package dev.newswire.dedup.eval;

import dev.newswire.dedup.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A labelled set of story pairs made from a corpus with a fixed seed: positives are a story and a copy of it
 * ({@link Variants.Kind}), negatives are two different stories, either drawn at random or on the same topic (the
 * pairs whose headlines share the most content words).
 */
public final class LabelledPairs {

    /** Stories shorter than this many words are left out: a few sentences are no wire story. */
    public static final int MIN_STORY_WORDS = 100;
    /** Random negative pairs per story. */
    static final int RANDOM_NEGATIVES_PER_STORY = 3;
    /** Headline words ignored when looking for same-topic pairs. */
    static final Set<String> STOPWORDS = Set.of("the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is",
            "are", "with", "by", "at", "from", "as", "how", "what", "why", "your", "you", "new", "it", "its", "be",
            "this", "that", "after", "over", "s", "2025", "2026", "i", "we", "our", "can", "will", "about", "into");

    /**
     * One labelled pair.
     *
     * @param kind      the copy kind for positives; "random" or "same-topic" for negatives
     * @param first     the text seen first
     * @param second    the text seen second
     * @param duplicate the label
     */
    public record Pair(String kind, String firstId, String first, String secondId, String second, boolean duplicate) {
    }

    private LabelledPairs() {
    }

    /** The stories long enough to be used. */
    public static List<StoryCorpus.Story> eligible(List<StoryCorpus.Story> stories) {
        return stories.stream().filter(s -> TextNormalizer.words(s.text()).size() >= MIN_STORY_WORDS).toList();
    }

    /** Builds the pairs; the same corpus and seed give the same pairs. */
    public static List<Pair> build(List<StoryCorpus.Story> corpus, long seed) {
        List<StoryCorpus.Story> stories = eligible(corpus);
        Random random = new Random(seed);
        List<Pair> out = new ArrayList<>();
        for (StoryCorpus.Story s : stories) {
            for (Variants.Kind k : Variants.Kind.values()) {
                out.add(new Pair(k.name(), s.id(), s.text(), s.id() + "-" + k, Variants.copy(s.text(), k, random), true));
            }
        }
        for (StoryCorpus.Story s : stories) {
            for (int i = 0; i < RANDOM_NEGATIVES_PER_STORY; i++) {
                StoryCorpus.Story other = stories.get(random.nextInt(stories.size()));
                if (!other.id().equals(s.id())) {
                    out.add(new Pair("random", s.id(), s.text(), other.id(), other.text(), false));
                }
            }
        }
        out.addAll(sameTopicPairs(stories));
        return out;
    }

    /** For each story, the other story whose headline shares the most content words (at least two). */
    static List<Pair> sameTopicPairs(List<StoryCorpus.Story> stories) {
        List<Set<String>> titles = stories.stream().map(s -> contentWords(s.title())).toList();
        List<Pair> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < stories.size(); i++) {
            int best = -1;
            int bestOverlap = 1;
            for (int j = 0; j < stories.size(); j++) {
                if (i == j) {
                    continue;
                }
                Set<String> shared = new HashSet<>(titles.get(i));
                shared.retainAll(titles.get(j));
                if (shared.size() > bestOverlap) {
                    best = j;
                    bestOverlap = shared.size();
                }
            }
            if (best >= 0) {
                String key = Math.min(i, best) + "/" + Math.max(i, best);
                if (seen.add(key)) {
                    StoryCorpus.Story a = stories.get(i);
                    StoryCorpus.Story b = stories.get(best);
                    out.add(new Pair("same-topic", a.id(), a.text(), b.id(), b.text(), false));
                }
            }
        }
        out.sort(Comparator.comparing(Pair::firstId));
        return out;
    }

    private static Set<String> contentWords(String title) {
        Set<String> out = new HashSet<>(TextNormalizer.words(title));
        out.removeAll(STOPWORDS);
        out.removeIf(w -> w.length() < 3);
        return out;
    }
}
