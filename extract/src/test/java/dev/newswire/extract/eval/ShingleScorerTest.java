package dev.newswire.extract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShingleScorerTest {

    @Test
    void tokensAreUnicodeWordsWithCaseKept() {
        assertEquals(List.of("Ça", "va", "l", "été", "2025"), ShingleScorer.tokens("Ça va — l'été, 2025!"));
    }

    @Test
    void perfectAndPartialMatches() {
        ShingleScorer.PageScore same = ShingleScorer.score("one two three four five", "one two three four five");
        assertEquals(1.0, same.precision());
        assertEquals(1.0, same.recall());
        ShingleScorer.PageScore extra = ShingleScorer.score("one two three four five six seven", "one two three four five");
        assertEquals(2.0 / 4, extra.precision(), 1e-9);
        assertEquals(1.0, extra.recall());
    }

    @Test
    void shinglesAreMultisets() {
        ShingleScorer.PageScore s = ShingleScorer.score("a b c d a b c d", "a b c d");
        assertEquals(1.0 / 5, s.precision(), 1e-9);
        assertEquals(1.0, s.recall());
    }

    @Test
    void emptyPagesAreLeftOutOfTheirAverage() {
        ShingleScorer.Summary sum = ShingleScorer.summarise(List.of(
                ShingleScorer.score("", "one two three four"),
                ShingleScorer.score("one two three four", "one two three four"),
                ShingleScorer.score("one two three four", "")));
        // P over the two pages with output (1 and 0), R over the two with an expected text (0 and 1)
        assertEquals(0.5, sum.precision(), 1e-9);
        assertEquals(0.5, sum.recall(), 1e-9);
        assertEquals(2, sum.pagesWithOutput());
        assertEquals(2, sum.pagesWithExpected());
        assertTrue(Math.abs(sum.f1() - 0.5) < 1e-9);
    }
}
