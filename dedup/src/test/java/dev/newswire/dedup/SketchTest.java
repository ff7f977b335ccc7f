package dev.newswire.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SketchTest {

    @Test
    void wordsAreNormalisedCaseAndPunctuationAway() {
        assertEquals(List.of("putin", "s", "visit", "24", "years", "café"),
                TextNormalizer.words("PUTIN’S visit — 24 years… Café"));
    }

    @Test
    void identicalTextsHaveJaccardOneAndDifferentOnesNearZero() {
        Sketch a = Sketch.of(StoryAssignerTest.STORY, DedupSettings.DEFAULTS);
        Sketch b = Sketch.of(StoryAssignerTest.STORY, DedupSettings.DEFAULTS);
        Sketch c = Sketch.of(StoryAssignerTest.OTHER, DedupSettings.DEFAULTS);
        assertEquals(1.0, a.jaccard(b));
        assertTrue(a.jaccard(c) < 0.05, "different stories: " + a.jaccard(c));
    }

    @Test
    void containmentOfAHalfIsHighWhileJaccardIsAboutAHalf() {
        String text = StoryAssignerTest.STORY;
        Sketch whole = Sketch.of(text, DedupSettings.DEFAULTS);
        Sketch half = Sketch.of(text.substring(0, text.indexOf("Putin and Kim are expected")), DedupSettings.DEFAULTS);
        double j = whole.jaccard(half);
        assertTrue(j > 0.25 && j < 0.75, "jaccard " + j);
        assertTrue(whole.containment(half) > 0.8, "containment " + whole.containment(half));
    }

    @Test
    void sketchesAndStoredArticlesSurviveTheirBinaryForm() {
        Sketch s = Sketch.of(StoryAssignerTest.STORY, DedupSettings.DEFAULTS);
        assertEquals(s, Sketch.fromBytes(ByteBuffer.wrap(s.toBytes())));
        StoredArticle a = new StoredArticle("id1", "story", null, 5, 9, s);
        StoredArticle back = StoredArticle.fromBytes(a.toBytes());
        assertEquals(a, back);
        StoredArticle noSketch = new StoredArticle("id2", "id1", "id1", 1, 2, null);
        assertEquals(noSketch, StoredArticle.fromBytes(noSketch.toBytes()));
    }

    @Test
    void bandsAreStableAndOnePerBand() {
        Sketch s = Sketch.of(StoryAssignerTest.STORY, DedupSettings.DEFAULTS);
        List<String> keys = LshBands.bucketKeys(s, DedupSettings.DEFAULTS);
        assertEquals(DedupSettings.DEFAULTS.bands(), keys.size());
        assertEquals(keys, LshBands.bucketKeys(Sketch.of(StoryAssignerTest.STORY, DedupSettings.DEFAULTS), DedupSettings.DEFAULTS));
    }
}
