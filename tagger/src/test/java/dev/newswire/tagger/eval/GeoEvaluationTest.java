package dev.newswire.tagger.eval;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.Mention;
import dev.newswire.tagger.gazetteer.Gazetteer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoEvaluationTest {

    private static final Gazetteer GAZETTEER = Gazetteer.load();

    @Test
    void matchesInTextOrderAndScoresByIdCountryOrDistance() {
        String text = "Alexandria and Pineville. Alexandria again. Egypt too. Nowhere.";
        GeoGold.Article article = new GeoGold.Article("1", "https://www.thetowntalk.com/x", text, List.of(
                new GeoGold.Toponym("Alexandria", 0, 4314550, 31.31, -92.45, null),
                new GeoGold.Toponym("Pineville", 15, 0, 31.32, -92.43, null),
                new GeoGold.Toponym("alexandria", 26, 4314550, 31.31, -92.45, null),
                new GeoGold.Toponym("Egypt", 44, 357994, 27.0, 30.0, "Egypt"),
                new GeoGold.Toponym("Nowhere", 55, 1, 0.0, 0.0, null)));
        Entity alexandria = new Entity(EntityType.LOCATION, "Alexandria", "geonames:361058", 1,
                Map.of("geonamesId", 361058L, "lat", 31.2, "lon", 29.9), // the Egyptian one: wrong, far away
                List.of(new Mention(0, 10, "Alexandria"), new Mention(26, 36, "Alexandria")));
        Entity pineville = new Entity(EntityType.LOCATION, "Pineville", null, 1,
                Map.of("lat", 31.0, "lon", -92.0), List.of(new Mention(15, 24, "Pineville"))); // 54 km off: correct
        Entity egypt = new Entity(EntityType.LOCATION, "Egypt", "iso3166:EG", 1, Map.of(), List.of(new Mention(44, 49, "Egypt")));
        GeoEvaluation eval = new GeoEvaluation(GAZETTEER);
        List<GeoEvaluation.Match> matches = eval.add(article, List.of(alexandria, pineville, egypt));
        assertEquals(5, eval.gold());
        assertEquals(4.0 / 5, eval.found(), 1e-9);
        assertEquals(2.0 / 4, eval.correctOfFound(), 1e-9);
        assertEquals(2.0 / 5, eval.endToEnd(), 1e-9);
        assertEquals(3.0 / 4, eval.withId(), 1e-9);
        assertEquals(26, matches.get(2).mention().start(), "the second Alexandria takes the next unused mention");
        assertFalse(matches.get(0).correct());
        assertTrue(matches.get(1).correct());
        assertTrue(matches.get(3).correct(), "a country by its country");
    }

    @Test
    void pageTextIsParagraphsAndHostComesFromTheUrl() {
        GeoGold.Article a = new GeoGold.Article("1", " https://www.nola.com/a.html ", "One.\n\n  Two.\nThree.", List.of());
        assertEquals("One.\n\nTwo.\n\nThree.", a.pageText());
        assertEquals("www.nola.com", a.host());
    }
}
