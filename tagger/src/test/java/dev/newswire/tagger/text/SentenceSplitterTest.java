package dev.newswire.tagger.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        return SentenceSplitter.split(text, tokens).stream()
                .map(s -> text.substring(tokens.get(s.start()).start(), tokens.get(s.end() - 1).end()))
                .toList();
    }

    @Test
    void splitsAfterFullStopsBeforeCapitals() {
        assertEquals(List.of("Putin arrived.", "Kim met him."), sentences("Putin arrived. Kim met him."));
    }

    @Test
    void abbreviationsDoNotEndSentences() {
        assertEquals(List.of("U.S. National Security Council spokesman John Kirby said Mr. Kim left."),
                sentences("U.S. National Security Council spokesman John Kirby said Mr. Kim left."));
    }

    @Test
    void closingQuoteStaysWithItsSentence() {
        assertEquals(List.of("He said \u201cit is illegal.\u201d", "Then he left."),
                sentences("He said \u201cit is illegal.\u201d Then he left."));
    }

    @Test
    void lineBreaksEndHeadlinesAndParagraphs() {
        assertEquals(List.of("Ahead of his summit with North Korea's Kim, Putin promised",
                        "SEOUL, South Korea (AP) \u2014 Russia's president spoke."),
                sentences("Ahead of his summit with North Korea's Kim, Putin promised\n\n"
                        + "SEOUL, South Korea (AP) \u2014 Russia's president spoke."));
    }

    @Test
    void lowercaseAfterAPeriodContinuesTheSentence() {
        assertEquals(List.of("It rose 3 p.m. on Tuesday."), sentences("It rose 3 p.m. on Tuesday."));
    }
}
