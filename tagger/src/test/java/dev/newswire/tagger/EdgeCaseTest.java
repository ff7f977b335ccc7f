package dev.newswire.tagger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs the pipeline will meet sooner or later. */
class EdgeCaseTest {

    private static Tagger tagger;

    @BeforeAll
    static void load() {
        tagger = Tagger.load();
    }

    @Test
    void emptyAndBlankTextsHaveNoEntities() {
        assertEquals(List.of(), tagger.tag(""));
        assertEquals(List.of(), tagger.tag(" \n\t\r\n "));
        assertEquals(List.of(), tagger.tag("... -- !!"));
    }

    @Test
    void offsetsSurviveEmojiCrlfAndNonBreakingSpaces() {
        String text = "\uD83D\uDE00 Crowds cheered.\r\nIn Seoul,\u00a0President Yoon Suk Yeol met Emmanuel Macron.\r\n";
        List<Entity> entities = tagger.tag(text);
        assertTrue(entities.stream().anyMatch(e -> e.name().equals("Seoul")), entities.toString());
        for (Entity e : entities) {
            for (Mention m : e.mentions()) {
                assertEquals(text.substring(m.start(), m.end()), m.text());
            }
        }
    }

    @Test
    void longTextsWithoutPunctuationAreTagged() {
        String text = "Seoul and Tokyo and Paris ".repeat(2000);
        List<Entity> entities = tagger.tag(text);
        assertEquals(3, entities.stream().filter(e -> e.type() == EntityType.LOCATION).count(), entities.toString());
    }

    @Test
    void emojiAreWholeTokensAndNeverPartOfAName() {
        String text = "\uD83C\uDDEC\uD83C\uDDE7 There are only 4 seats left for my workshop in London, England.\n"
                + "\uD83D\uDDDE\uFE0F Trust Insights, Inc. and Google Analytics helped. \uD83C\uDDE6Acme Corporation, Inc. sponsors it.";
        for (dev.newswire.tagger.text.Token t : dev.newswire.tagger.text.Tokenizer.tokenize(text)) {
            assertTrue(!Character.isLowSurrogate(t.text().charAt(0)) && !Character.isHighSurrogate(t.text().charAt(t.text().length() - 1)),
                    "a token splits a surrogate pair: " + t);
        }
        for (Entity e : tagger.tag(text)) {
            assertTrue(Character.isLetterOrDigit(e.name().codePointAt(0)), "name starts with a mark: " + e);
            for (Mention m : e.mentions()) {
                assertTrue(Character.isLetterOrDigit(m.text().codePointAt(0)), "mention starts with a mark: " + m);
            }
        }
    }
}
