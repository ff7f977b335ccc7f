package dev.newswire.tagger.link;

import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.Place;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.newswire.tagger.text.Token;

import java.util.List;
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
    void anAbbreviationInCapitalsIsNoPlaceItMerelySpells() {
        for (PlaceLinker.Candidate c : linker.candidates("US")) {
            assertTrue(c.place().isCountry() || c.place().name().equals("US"), "US: " + c);
        }
        String text = "During efforts to oust ISIS from Sirte , the US gave air support to militias in Tunisia and Brussels .";
        List<Token> t = tokens(text);
        assertEquals("US", linker.resolve(List.of(name(t, "US")), t, Set.of("TN"), "www.iiss.org").get(0).countryCode());
    }

    @Test
    void aCountrysNameIsTheCountryNotItsNamesakeDivisionOrCity() {
        String text = "Migrants camped in Matias Romero , Oaxaca State , Mexico , and others went on to Mexico City and Puebla .";
        List<Token> t = tokens(text);
        List<Place> readings = linker.resolve(List.of(name(t, "Oaxaca State"), name(t, "Mexico"), name(t, "Mexico City"),
                name(t, "Puebla")), t, Set.of("MX"), null);
        assertTrue(readings.get(1).isCountry(), "Mexico: " + readings.get(1));
        assertEquals("PPLC", readings.get(2).featureType(), "Mexico City is still the city: " + readings.get(2));
        assertTrue(linker.candidates("Mexico").stream().noneMatch(c -> c.place().featureType().startsWith("ADM")),
                "the State of Mexico is no candidate for the bare name");
    }

    @Test
    void aBareCityNameIsTheCityNotTheDivisionNamedAfterIt() {
        // Moscow Oblast is a division of its own (the city is not in it): "Moscow" only abbreviates its name
        for (Set<String> countries : List.of(Set.<String>of(), Set.of("RU"), Set.of("RU", "KP", "UA"))) {
            Place moscow = linker.link("Moscow", countries);
            assertEquals("geonames:524901", moscow.id(), countries + ": " + moscow);
            assertEquals("PPLC", moscow.featureType());
        }
        assertEquals("ADM1", linker.link("Moscow Oblast", Set.of("RU")).featureType());
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

    @Test
    void theArticlesOtherPlacesPickTheRightAlexandria() {
        Gazetteer g = Gazetteer.load();
        PlaceLinker l = new PlaceLinker(g);
        // alone, the famous one
        assertEquals("EG", linker.link("Alexandria", Set.of()).countryCode());
        // in a Louisiana paper that also names Rapides Parish and Pineville
        String text = "Flooding closed roads in Alexandria and Pineville , officials in Rapides Parish said .";
        List<Token> tokens = tokens(text);
        List<Place> readings = l.resolve(List.of(name(tokens, "Alexandria"), name(tokens, "Pineville"), name(tokens, "Rapides Parish")),
                tokens, Set.of(), null);
        assertEquals("geonames:4314550", readings.get(0).id(), readings.toString());
        assertEquals("LA", readings.get(0).admin1());
        assertEquals("ADM2", readings.get(2).featureType());
        assertEquals("admin:US.LA.079", readings.get(2).id());
        assertEquals(31.2, readings.get(2).lat(), 0.5);
    }

    @Test
    void cityStatePatternsAndAbbreviations() {
        String text = "ALEXANDRIA , Va. ( AP ) — Officials said .";
        List<Token> tokens = tokens(text);
        List<Place> readings = linker.resolve(List.of(name(tokens, "ALEXANDRIA"), name(tokens, "Va.")), tokens, Set.of(), null);
        assertEquals("US", readings.get(0).countryCode());
        assertEquals("VA", readings.get(0).admin1(), readings.toString());
        assertEquals("ADM1", readings.get(1).featureType());
        assertEquals("VA", readings.get(1).admin1());
        List<Token> t2 = tokens("Lexington , Kentucky was quiet .");
        assertEquals("KY", linker.resolve(List.of(name(t2, "Lexington")), t2, Set.of(), null).get(0).admin1());
    }

    @Test
    void theHostsCountryIsEvidence() {
        List<Token> t = tokens("Police in Edmonton said .");
        Place au = linker.resolve(List.of(name(t, "Edmonton")), t, Set.of(), "www.cairnspost.com.au").get(0);
        assertEquals("AU", au.countryCode());
        Place ca = linker.resolve(List.of(name(t, "Edmonton")), t, Set.of(), null).get(0);
        assertEquals("CA", ca.countryCode());
    }

    @Test
    void countriesAndDivisionsHavePositions() {
        Place russia = linker.link("Russia", Set.of());
        assertTrue(russia.hasPosition() && russia.lon() > 30 && russia.lon() < 180, russia.toString());
        Place bavaria = linker.link("Bavaria", Set.of());
        assertTrue(bavaria.hasPosition(), bavaria.toString());
        assertEquals(48.9, bavaria.lat(), 1.5);
        assertEquals("geonames:1835848", linker.link("Seoul", Set.of()).id(), "the city, not the namesake province");
    }

    /** The tokens of a text written with spaces between tokens. */
    private static List<Token> tokens(String text) {
        List<Token> out = new java.util.ArrayList<>();
        int i = 0;
        for (String w : text.split(" ")) {
            out.add(new Token(w, i, i + w.length()));
            i += w.length() + 1;
        }
        return out;
    }

    /** The place name of the first run of tokens that spells {@code name}. */
    private static PlaceLinker.PlaceName name(List<Token> tokens, String name) {
        String[] words = name.split(" ");
        for (int i = 0; i + words.length <= tokens.size(); i++) {
            boolean match = true;
            for (int k = 0; k < words.length; k++) {
                match &= tokens.get(i + k).text().equals(words[k]);
            }
            if (match) {
                return new PlaceLinker.PlaceName(name, i, i + words.length);
            }
        }
        throw new IllegalArgumentException(name);
    }
}
