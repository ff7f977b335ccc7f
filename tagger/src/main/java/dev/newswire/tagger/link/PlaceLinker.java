package dev.newswire.tagger.link;

import dev.newswire.tagger.gazetteer.Country;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.Place;

import java.util.List;
import java.util.Set;

/**
 * Chooses the place a LOCATION name refers to, CLIFF-style: a country name is the country; otherwise among
 * the places with that name prefer, in order, the reading news means by default ("Washington" → the US
 * capital), places in a country the article names, then capitals and admin seats, then the most populous.
 */
public final class PlaceLinker {

    /** How much a candidate in a country the article mentions outweighs population (log scale). */
    private static final double COUNTRY_IN_ARTICLE_BONUS = 6.0;
    private static final double DEFAULT_READING_BONUS = 4.0;
    private static final double CAPITAL_BONUS = 2.0;
    private static final double ADMIN_SEAT_BONUS = 1.0;

    private final Gazetteer gazetteer;

    /** A linker over this gazetteer. */
    public PlaceLinker(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * The place {@code name} most likely refers to, or null.
     *
     * @param articleCountries ISO codes of countries the article names outright
     */
    public Place link(String name, Set<String> articleCountries) {
        Country country = gazetteer.countryByName(name);
        if (country != null) {
            return country.place();
        }
        List<Place> candidates = gazetteer.places(name);
        if (candidates.isEmpty()) {
            return null;
        }
        Place preferred = gazetteer.preferredReading(name);
        Place best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Place p : candidates) {
            double score = Math.log1p(p.population());
            if (p.countryCode() != null && articleCountries.contains(p.countryCode())) {
                score += COUNTRY_IN_ARTICLE_BONUS;
            }
            if (p.equals(preferred)) {
                score += DEFAULT_READING_BONUS;
            }
            if ("PPLC".equals(p.featureType())) {
                score += CAPITAL_BONUS;
            } else if ("PPLA".equals(p.featureType()) || "ADM1".equals(p.featureType())) {
                score += ADMIN_SEAT_BONUS;
            }
            if (p.population() == 0 && !p.isCity()) {
                score += 12; // curated regions and features have no population but are what a bare name means
            }
            if (score > bestScore) {
                bestScore = score;
                best = p;
            }
        }
        return best;
    }
}
