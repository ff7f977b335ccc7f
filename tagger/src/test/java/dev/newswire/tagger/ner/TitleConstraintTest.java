package dev.newswire.tagger.ner;

import dev.newswire.tagger.Tagger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TitleConstraintTest {

    private static Tagger tagger;

    @BeforeAll
    static void load() {
        tagger = Tagger.load();
    }

    @Test
    void titlesMatchAsWrittenAndInCapitals() {
        assertTrue(TitleConstraint.isTitle("Dr"));
        assertTrue(TitleConstraint.isTitle("PRESIDENT"));
        assertFalse(TitleConstraint.isTitle("King"), "kings' titles begin names in the annotations");
        assertFalse(TitleConstraint.isTitle("president"), "lower case is no title before a name");
        assertEquals(null, TitleConstraint.allowedLabels(new String[]{"Kim", "Jong", "Un"}));
    }

    @Test
    void aPersonStartsAfterTheTitle() {
        // The first two the shipped model alone takes in whole (it is trained partly on tweets, which annotate
        // titles inside names); the held-out model of the development protocol also "Dr Joseph", "Doctor Hank".
        assertEquals(List.of("Bushby"), persons("Senator", "Bushby", "says", "the", "review", "is", "needed", "."));
        assertEquals(List.of("West"), persons("Mr", "West", "is", "here", "."));
        assertEquals(List.of("Joseph"), persons("Dr", "Joseph", "retired", "."));
    }

    @Test
    void afterAnHonorificComesAPersonOrNoName() {
        // a model alone has read a lone "Mr West" as MISC (West is a place, a region, a people): now a person or nothing
        for (String honorific : List.of("Mr", "Ms", "Dr.")) {
            String[] words = {honorific, "West", "said", "so", "."};
            int type = Label.type(tagger.labelTokens(NerDocument.of(List.of(List.of(words))))[1]);
            assertTrue(type == -1 || type == 0, honorific + " West: type " + type);
        }
        assertEquals(List.of("Park"), persons("Mrs", "Park", "visited", "Seoul", "."));
        int[] masks = TitleConstraint.allowedLabels(new String[]{"Mr", "West", "and", "Mr.", "President", "spoke"});
        int personOrNone = (1 << Label.begin(0)) | (1 << Label.O);
        assertEquals(personOrNone, masks[1], "only B-PER or O after an honorific");
        assertEquals(-1, masks[2], "the word after is free");
        assertTrue((masks[4] & (1 << Label.begin(0))) == 0 && (masks[4] & (1 << Label.O)) != 0,
                "a title after the honorific keeps the title's own constraint");
    }

    @Test
    void aTitleWordMayStillEndAName() {
        assertEquals(List.of("John Major"), persons("Former", "prime", "minister", "John", "Major", "said", "so", "."));
    }

    private static List<String> persons(String... words) {
        NerDocument doc = NerDocument.of(List.of(List.of(words)));
        int[] labels = tagger.labelTokens(doc);
        return Span.fromLabels(labels).stream().filter(s -> s.type() == 0)
                .map(s -> String.join(" ", java.util.Arrays.copyOfRange(words, s.start(), s.end()))).toList();
    }
}
