package dev.newswire.tagger.link;

import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.Place;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceLinkerTest {

    private static PlaceLinker linker;

    @BeforeAll
    static void load() {
        linker = new PlaceLinker(Gazetteer.load());
    }

    @Test
    void capitalsLinkToGeoNamesWithCoordinates() {
        Place seoul = linker.link("Seoul", Set.of());
        assertEquals("geonames:1835848", seoul.id());
        assertEquals("KR", seoul.countryCode());
        assertEquals("PPLC", seoul.featureType());
        assertEquals(37.57, seoul.lat(), 0.05);
        assertEquals(126.98, seoul.lon(), 0.05);
        assertEquals("geonames:1871859", linker.link("Pyongyang", Set.of()).id());
        assertEquals("geonames:2013159", linker.link("Yakutsk", Set.of("RU")).id());
        assertEquals("geonames:2013348", linker.link("Vladivostok", Set.of("RU")).id());
    }

    @Test
    void washingtonMeansTheCapitalNotTheTownsOrTheState() {
        assertEquals("geonames:4140963", linker.link("Washington", Set.of()).id());
        assertEquals("geonames:4140963", linker.link("Washington", Set.of("US")).id());
        Place state = linker.link("Washington state", Set.of("US"));
        assertEquals("ADM1", state.featureType());
    }

    @Test
    void administrativeRegionsCarryGeoNamesIds() {
        Place bavaria = linker.link("Bavaria", Set.of());
        assertEquals("geonames:2951839", bavaria.id());
        assertEquals("DE", bavaria.countryCode());
        assertEquals("ADM1", bavaria.featureType());
        assertEquals("IN", linker.link("Kerala", Set.of()).countryCode());
        assertEquals("geonames:2027748", linker.link("Amur Oblast", Set.of()).id());
        // a curated region keeps the name news uses and gains the id
        Place state = linker.link("Washington state", Set.of("US"));
        assertEquals("Washington State", state.name());
        assertEquals("geonames:5815135", state.id());
    }

    @Test
    void aRegionOutweighsASmallTownButNotABigCity() {
        assertEquals("ADM1", linker.link("Wales", Set.of()).featureType()); // not the English town of 6,000
        assertEquals("PPLC", linker.link("Berlin", Set.of()).featureType()); // the city, not the city-state
        Place central = linker.link("Central", Set.of("GH")); // Ghana's Central Region is no bare "Central"
        assertTrue(central == null || !"geonames:2302353".equals(central.id()), String.valueOf(central));
    }

    @Test
    void countriesByNameAliasOrCase() {
        assertEquals("iso3166:KP", linker.link("North Korea", Set.of()).id());
        assertEquals("iso3166:KP", linker.link("DPRK", Set.of()).id());
        assertEquals("iso3166:US", linker.link("U.S.", Set.of()).id());
        assertEquals("iso3166:RU", linker.link("Russia", Set.of()).id());
        assertEquals("Russia", linker.link("Russian Federation", Set.of()).name());
    }

    @Test
    void articleCountriesOutweighPopulationForSmallerNamesakes() {
        // Without context the biggest Birmingham (England) wins; an article about Alabama means Alabama's.
        Place england = linker.link("Birmingham", Set.of());
        assertEquals("GB", england.countryCode());
        Place alabama = linker.link("Birmingham", Set.of("US"));
        assertEquals("US", alabama.countryCode());
        assertTrue(alabama.population() > 100_000);
    }

    @Test
    void unknownNamesStayUnlinked() {
        assertNull(linker.link("Xyzzyville", Set.of()));
    }
}
