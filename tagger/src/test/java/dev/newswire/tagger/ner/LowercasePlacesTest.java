package dev.newswire.tagger.ner;

import dev.newswire.tagger.gazetteer.Gazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LowercasePlacesTest {

    private static Lexicon lexicon;

    @BeforeAll
    static void load() {
        lexicon = Lexicon.load(Gazetteer.load());
    }

    private static String[] restore(String text) {
        return lexicon.restoreLowercasePlaces(text.split(" "));
    }

    @Test
    void capitalisesCountriesCitiesAndRegionsWrittenInLowerCase() {
        assertArrayEquals("cheap flights to Mexico from San Francisco via Florida".split(" "),
                restore("cheap flights to mexico from san francisco via florida"));
        assertArrayEquals("we moved from New York to Oregon".split(" "), restore("we moved from new york to oregon"));
    }

    @Test
    void joinersInsideANameStayLowerCase() {
        assertArrayEquals("aid for Bosnia and Herzegovina".split(" "), restore("aid for bosnia and herzegovina"));
    }

    @Test
    void leavesOrdinaryWordsThatAreAlsoPlaceNames() {
        // "china" (porcelain), "turkey", "nice", "reading", "mobile", "jordan" (a given name as often as not)
        String[] words = "the china and turkey were nice while reading on mobile with jordan".split(" ");
        assertSame(words, lexicon.restoreLowercasePlaces(words));
    }

    @Test
    void leavesWordsWithCapitalsDigitsOrPunctuationAlone() {
        String[] words = {"Mexico", "MEXICO", "mexico2", "mexico.com", "m"};
        assertArrayEquals(words, lexicon.restoreLowercasePlaces(words));
    }
}
