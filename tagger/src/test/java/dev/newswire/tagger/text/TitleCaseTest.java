package dev.newswire.tagger.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TitleCaseTest {

    private static List<String> forTagging(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        return List.of(TitleCase.wordsForTagging(tokens, SentenceSplitter.split(text, tokens)));
    }

    @Test
    void headlineWordsTheDocumentWritesInLowerCaseAreLowerCased() {
        List<String> words = forTagging("Putin Promises To Defeat Sanctions With Kim\nPutin promised to defeat sanctions.");
        assertEquals(List.of("Putin", "Promises", "to", "defeat", "sanctions", "with", "Kim"), words.subList(0, 7));
    }

    @Test
    void ordinarySentencesAndAllCapsDatelinesAreLeftAlone() {
        String text = "SEOUL, South Korea (AP) \u2014 The President of the Russian Federation spoke in Seoul.";
        List<Token> tokens = Tokenizer.tokenize(text);
        assertEquals(tokens.stream().map(Token::text).toList(), forTagging(text));
    }

    @Test
    void typographicApostrophesAndQuotesReachTheModelStraight() {
        assertEquals("'s", TitleCase.plainMarks("\u2019s"));
        assertEquals("\"", TitleCase.plainMarks("\u201C"));
        assertEquals("Mission", TitleCase.plainMarks("Mission"));
    }
}
