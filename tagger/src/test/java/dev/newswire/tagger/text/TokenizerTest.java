package dev.newswire.tagger.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {

    private static List<String> words(String text) {
        return Tokenizer.tokenize(text).stream().map(Token::text).toList();
    }

    @Test
    void datelineIsSplitIntoPlaceCommaAndAgency() {
        assertEquals(List.of("SEOUL", ",", "South", "Korea", "(", "AP", ")", "\u2014", "Russia", "'s", "president"),
                words("SEOUL, South Korea (AP) \u2014 Russia's president"));
    }

    @Test
    void possessivesAreSeparateTokensLikeCoNLL() {
        assertEquals(List.of("Putin", "'s", "comments", "and", "Kim", "\u2019s", "pace"),
                words("Putin's comments and Kim\u2019s pace"));
    }

    @Test
    void initialismsAndAbbreviationsKeepTheirPeriods() {
        assertEquals(List.of("U.S.", "National", "Security", "Council", "spokesman", "Mr.", "Kirby", "left", "."),
                words("U.S. National Security Council spokesman Mr. Kirby left."));
    }

    @Test
    void hyphenatedWordsAndNumbersStayWhole() {
        assertEquals(List.of("US-led", "sanctions", "cost", "1,000", "or", "3.5", "%", "of", "two-day", "visits"),
                words("US-led sanctions cost 1,000 or 3.5% of two-day visits"));
    }

    @Test
    void curlyQuotesStandAlone() {
        assertEquals(List.of("\u201c", "not", "controlled", "by", "the", "West", "\u201d"),
                words("\u201cnot controlled by the West\u201d"));
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "  Kim met\u00a0Putin's aide.";
        for (Token t : Tokenizer.tokenize(text)) {
            assertEquals(t.text(), text.substring(t.start(), t.end()));
        }
    }

    @Test
    void negationSplitsLikePennTreebank() {
        assertEquals(List.of("We", "have", "n't", "seen", "it"), words("We haven't seen it"));
    }

    @Test
    void cliticsSplitLikePennTreebankWithEitherApostrophe() {
        assertEquals(List.of("I", "\u2019ve", "seen", "it", ",", "I", "'m", "sure", ",", "we", "'ll", "go"),
                words("I\u2019ve seen it, I'm sure, we'll go"));
        assertEquals(List.of("O'Neill", "and", "Sa'd", "said", "Ma'am"), words("O'Neill and Sa'd said Ma'am"),
                "names keep their apostrophe");
        assertEquals(List.of("They", "'ve", "gone"), words("They've gone"));
    }
}
