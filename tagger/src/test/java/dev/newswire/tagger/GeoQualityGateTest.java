package dev.newswire.tagger;

import dev.newswire.shareddata.SharedData;
import dev.newswire.tagger.eval.GeoEvaluation;
import dev.newswire.tagger.eval.GeoGold;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fails when finding and linking places falls below pinned floors, a little under what `geo-eval` measured when
 * committed (tagger/README.md), on both geoparsing gold sets: TR-News (the place weights are trained on it) and
 * GeoWebNews (unseen by everything), each with nationality words counted as the sets mark them and without.
 */
class GeoQualityGateTest {

    private static final Map<String, GeoEvaluation> SCORES = new LinkedHashMap<>();

    @BeforeAll
    static void score() throws Exception {
        Tagger tagger = Tagger.load();
        for (String set : new String[]{"tr-news", "geowebnews"}) {
            GeoEvaluation places = new GeoEvaluation(tagger.gazetteer(), false);
            GeoEvaluation withNationalities = new GeoEvaluation(tagger.gazetteer(), true);
            for (GeoGold.Article a : GeoGold.read(SharedData.require("datasets/geo").resolve(set + ".xml"))) {
                java.util.List<Entity> entities = tagger.tag(a.pageText(), a.host());
                places.add(a, entities);
                withNationalities.add(a, entities);
            }
            SCORES.put(set, places);
            SCORES.put(set + "+nationalities", withNationalities);
        }
        SCORES.forEach((name, e) -> System.out.printf(Locale.ROOT, "%-26s found %.3f correct of found %.3f end to end %.3f%n",
                name, e.found(), e.correctOfFound(), e.endToEnd()));
    }

    private static void atLeast(String set, double found, double correctOfFound, double endToEnd) {
        GeoEvaluation e = SCORES.get(set);
        assertTrue(e.found() >= found, set + " found " + e.found() + " fell below the pinned floor " + found);
        assertTrue(e.correctOfFound() >= correctOfFound,
                set + " correct of found " + e.correctOfFound() + " fell below the pinned floor " + correctOfFound);
        assertTrue(e.endToEnd() >= endToEnd, set + " end to end " + e.endToEnd() + " fell below the pinned floor " + endToEnd);
    }

    @Test
    void trNews() {
        atLeast("tr-news", 0.806, 0.937, 0.760);
        atLeast("tr-news+nationalities", 0.893, 0.942, 0.847);
    }

    @Test
    void geoWebNews() {
        atLeast("geowebnews", 0.685, 0.876, 0.604);
        atLeast("geowebnews+nationalities", 0.773, 0.890, 0.692);
    }
}
