package dev.newswire.tagger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project's reference article: the AP story on Putin's visit to Pyongyang, with its translation damage. */
class SampleArticleTest {

    private static String story;
    private static List<Entity> entities;

    @BeforeAll
    static void tagStory() throws Exception {
        story = SampleStory.text();
        entities = Tagger.load().tag(story);
    }

    private static Entity only(EntityType type, String name) {
        List<Entity> found = entities.stream().filter(e -> e.type() == type && e.name().equals(name)).toList();
        assertEquals(1, found.size(), () -> type + " " + name + " once, got " + found + "\nall: " + summary());
        return found.get(0);
    }

    private static String summary() {
        return entities.stream().map(e -> e.type() + ":" + e.name() + "x" + e.mentions().size())
                .collect(Collectors.joining(", "));
    }

    @Test
    void putinIsOnePersonWithAllHisMentions() {
        Entity putin = only(EntityType.PERSON, "Vladimir Putin");
        long bareMentions = story.split("\\bPutin\\b", -1).length - 1;
        assertEquals(bareMentions, putin.mentions().size(), summary());
        for (Mention m : putin.mentions()) {
            assertEquals(story.substring(m.start(), m.end()), m.text());
            assertTrue(m.text().endsWith("Putin"), m.text());
        }
        assertEquals("wikidata:Q7747", putin.id());
    }

    @Test
    void kimIsKimJongUn() {
        Entity kim = only(EntityType.PERSON, "Kim Jong Un");
        assertTrue(kim.mentions().stream().anyMatch(m -> m.text().equals("Kim")), summary());
        long kimTokens = story.split("\\bKim\\b", -1).length - 1;
        assertEquals(kimTokens, kim.mentions().size(), summary());
    }

    @Test
    void expectedPeople() {
        for (String name : List.of("Vladimir Putin", "Kim Jong Un", "Aisen Nikolayev", "John Kirby", "Lim Soosuk")) {
            only(EntityType.PERSON, name);
        }
    }

    @Test
    void expectedPlacesAreLinked() {
        Map<String, String> ids = Map.of("Seoul", "geonames:1835848", "Pyongyang", "geonames:1871859",
                "Yakutsk", "geonames:2013159", "Vladivostok", "geonames:2013348",
                "Washington", "geonames:4140963", "North Korea", "iso3166:KP", "South Korea", "iso3166:KR",
                "Russia", "iso3166:RU", "Ukraine", "iso3166:UA");
        ids.forEach((name, id) -> assertEquals(id, only(EntityType.LOCATION, name).id(), name));
        for (String name : List.of("Vietnam", "Japan")) {
            assertNotNull(only(EntityType.LOCATION, name).id(), name);
        }
        Entity pyongyang = only(EntityType.LOCATION, "Pyongyang");
        assertEquals("KP", pyongyang.attributes().get("countryCode"));
        assertEquals("PPLC", pyongyang.attributes().get("featureType"));
        assertEquals(39.03, (Double) pyongyang.attributes().get("lat"), 0.1);
    }

    @Test
    void expectedOrganisations() {
        only(EntityType.ORGANIZATION, "UN Security Council");
        only(EntityType.ORGANIZATION, "Kremlin");
    }

    @Test
    void machineTranslationCapitalsAreNotEntities() {
        for (Entity e : entities) {
            for (Mention m : e.mentions()) {
                assertFalse(List.of("And", "About", "In", "Those", "Land", "But", "The").contains(m.text()), summary());
            }
        }
    }

    @Test
    void focusIsNorthKoreaAndRussia() {
        Focus focus = Tagger.load().focus(entities);
        List<String> countries = focus.countries().stream().map(Focus.FocusPlace::countryCode).toList();
        assertEquals("KP", countries.get(0), focus.toString());
        assertTrue(countries.contains("RU"), focus.toString());
        assertEquals("Pyongyang", focus.cities().get(0).name(), focus.toString());
    }

    @Test
    void capitalsActingAsGovernmentsAreMarked() {
        Entity pyongyang = only(EntityType.LOCATION, "Pyongyang");
        assertEquals("KP", pyongyang.attributes().get("governmentOf"), pyongyang.attributes().toString());
        long pyongyangTokens = story.split("\\bPyongyang\\b", -1).length - 1;
        assertEquals(pyongyangTokens, pyongyang.mentions().size(), "every mention stays with the city");
        assertEquals(null, only(EntityType.LOCATION, "Washington").attributes().get("governmentOf"));
    }
}
