package dev.newswire.tagger.ner;

import dev.newswire.tagger.gazetteer.Gazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureExtractorTest {

    private static FeatureExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = new FeatureExtractor(Lexicon.load(Gazetteer.load()), WordClusters.empty(), NameLists.empty());
    }

    private static Set<Long> features(List<List<String>> sentences, int token) {
        FeatureExtractor.Context c = extractor.context(NerDocument.of(sentences));
        Set<Long> out = new HashSet<>();
        extractor.features(c, token, out::add);
        return out;
    }

    @Test
    void aNameSharesTheContextsOfItsOtherOccurrences() {
        List<String> second = List.of("Kirby", "said", "so", ".");
        Set<Long> afterColleague = features(List.of(List.of("The", "colleague", "Kirby", "spoke", "."), second), 5);
        Set<Long> afterThe = features(List.of(List.of("The", "man", "Kirby", "spoke", "."), second), 5);
        Set<Long> alone = features(List.of(List.of("The", "man", "spoke", "."), second), 4);
        // the second "Kirby" reads "colleague" / "man" before the first, "spoke" after it: same sentence, other features
        assertFalse(afterColleague.equals(afterThe), "the word before the other occurrence is a feature");
        Set<Long> onlyInFirst = new HashSet<>(afterColleague);
        onlyInFirst.removeAll(afterThe);
        assertEquals(1, onlyInFirst.size(), "exactly one feature differs: the left neighbour of the other occurrence");
        assertTrue(alone.size() < afterThe.size(), "a word named once has no aggregated contexts");
    }

    @Test
    void lowerCaseWordsAreNotAggregated() {
        // the second "said" is the same token either way: the first one (or "spoke") and its neighbours do not count
        Set<Long> twice = features(List.of(List.of("Kirby", "said", "."), List.of("He", "said", "so", ".")), 4);
        Set<Long> once = features(List.of(List.of("Kirby", "spoke", "."), List.of("He", "said", "so", ".")), 4);
        Set<Long> a = new HashSet<>(twice);
        a.removeAll(once);
        Set<Long> b = new HashSet<>(once);
        b.removeAll(twice);
        assertEquals(0, a.size() + b.size(), "the second sentence's 'said' has the same features either way");
    }
}
