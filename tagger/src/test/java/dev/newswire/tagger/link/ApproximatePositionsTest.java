package dev.newswire.tagger.link;

import dev.newswire.tagger.Entity;
import dev.newswire.tagger.EntityType;
import dev.newswire.tagger.Mention;
import dev.newswire.tagger.Tagger;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApproximatePositionsTest {

    private static final ApproximatePositions PASS = new ApproximatePositions(ResolverData.load().wideAreaWords());

    private static Entity place(String name, String id, String featureClass, String featureType, double lat, double lon,
                                String countryCode, int... starts) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("mentionCount", starts.length);
        a.put("featureClass", featureClass);
        a.put("featureType", featureType);
        a.put("countryCode", countryCode);
        a.put("lat", lat);
        a.put("lon", lon);
        return new Entity(EntityType.LOCATION, name, id, 0.5, a, mentions(name, starts));
    }

    private static Entity unknown(EntityType type, String name, int... starts) {
        return new Entity(type, name, null, 0.1, Map.of("mentionCount", starts.length), mentions(name, starts));
    }

    private static List<Mention> mentions(String name, int... starts) {
        return java.util.Arrays.stream(starts).mapToObj(s -> new Mention(s, s + name.length(), name)).toList();
    }

    private static Entity named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anUnknownPlaceTakesThePositionOfTheTownNamedNearestBeforeIt() {
        List<Entity> out = PASS.add(List.of(
                place("New Orleans", "geonames:4335045", "P", "PPLA2", 29.95, -90.08, "US", 0, 400),
                place("Baton Rouge", "geonames:4315588", "P", "PPLA", 30.45, -91.15, "US", 100),
                unknown(EntityType.LOCATION, "Royal Street", 450),
                unknown(EntityType.LOCATION, "Faubourg Marigny", 50)));
        Entity street = named(out, "Royal Street");
        assertEquals(29.95, street.attributes().get("lat"));
        assertEquals(-90.08, street.attributes().get("lon"));
        assertEquals(true, street.attributes().get("approximate"));
        assertEquals("geonames:4335045", street.attributes().get("near"));
        assertEquals("US", street.attributes().get("countryCode"));
        assertNull(street.id(), "no id is invented");
        assertFalse(street.attributes().containsKey("featureType"), "nothing is claimed about what it is");
        assertEquals("geonames:4335045", named(out, "Faubourg Marigny").attributes().get("near"), "nearest before it: New Orleans at 0");
        assertFalse(named(out, "New Orleans").attributes().containsKey("approximate"), "resolved places stay as they are");
    }

    @Test
    void withNoTownBeforeItTheNearestAfterItServes() {
        List<Entity> out = PASS.add(List.of(
                unknown(EntityType.LOCATION, "Kasba Bonli", 10),
                place("Rapides Parish", "admin:US.LA.079", "A", "ADM2", 31.2, -92.44, "US", 300),
                place("Pineville", "geonames:4337291", "P", "PPL", 31.32, -92.43, "US", 200)));
        assertEquals("geonames:4337291", named(out, "Kasba Bonli").attributes().get("near"));
    }

    @Test
    void wideAreasOtherTypesAndArticlesWithoutTownsGetNoPosition() {
        List<Entity> out = PASS.add(List.of(
                place("Seattle", "geonames:5809844", "P", "PPL", 47.6, -122.3, "US", 0),
                unknown(EntityType.LOCATION, "North Africa", 20),
                unknown(EntityType.LOCATION, "Atlantic", 40),
                unknown(EntityType.ORGANIZATION, "Acme Widgets", 60)));
        for (String name : List.of("North Africa", "Atlantic", "Acme Widgets")) {
            assertFalse(named(out, name).attributes().containsKey("lat"), name);
        }
        List<Entity> countryOnly = PASS.add(List.of(
                place("Germany", "iso3166:DE", "A", "PCLI", 51.0, 10.0, "DE", 0),
                place("Bavaria", "geonames:2951839", "A", "ADM1", 48.9, 11.4, "DE", 10),
                unknown(EntityType.LOCATION, "Marienplatz", 30)));
        assertFalse(named(countryOnly, "Marienplatz").attributes().containsKey("lat"), "a country or a state is too wide");
    }

    @Test
    void theWholePathPlacesAStreetAtTheArticlesTown() {
        List<Entity> entities = Tagger.load().tag("NEW ORLEANS (AP) — A parade wound along Frenchmen Street and Royal "
                + "Street on Sunday, as it has every year since the 1950s. Residents of New Orleans lined the route.");
        Entity city = entities.stream().filter(e -> e.name().equals("New Orleans")).findFirst().orElseThrow();
        List<Entity> approximate = entities.stream().filter(e -> Boolean.TRUE.equals(e.attributes().get("approximate"))).toList();
        assertFalse(approximate.isEmpty(), "the streets get a position: " + entities);
        for (Entity e : approximate) {
            assertTrue(e.name().endsWith("Street"), e.name());
            assertEquals(city.id(), e.attributes().get("near"));
            assertEquals(city.attributes().get("lat"), e.attributes().get("lat"));
        }
    }
}
