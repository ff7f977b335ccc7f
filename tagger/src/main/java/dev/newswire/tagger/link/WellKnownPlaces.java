package dev.newswire.tagger.link;

import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.gazetteer.Place;

/**
 * Places too well known to read as anything else once the text uses them as places: countries, first- and
 * second-level divisions by their own name, and cities of at least {@code well.known.place.population}
 * people (resolver.properties). Looked up among the linker's candidates, so the linking table's second-level
 * divisions ("Orange County", "Metcalfe County") count.
 */
final class WellKnownPlaces {

    private final Gazetteer gazetteer;
    private final PlaceLinker linker;
    private final long cityPopulation;

    WellKnownPlaces(Gazetteer gazetteer, PlaceLinker linker, long cityPopulation) {
        this.gazetteer = gazetteer;
        this.linker = linker;
        this.cityPopulation = cityPopulation;
    }

    /** A country, a division or a city of the well-known size by this name (an ordinary-word division name is none). */
    boolean contains(String name) {
        if (!isCandidateName(name)) {
            return false;
        }
        if (gazetteer.countryByName(name) != null) {
            return true;
        }
        for (PlaceLinker.Candidate c : linker.candidates(name)) {
            Place p = c.place();
            if (isDivision(c) || (p.isCity() && !c.alternate() && p.population() >= cityPopulation)) {
                return true;
            }
        }
        return false;
    }

    /** A first- or second-level division by this name ("Orange County", "Rapides Parish", "New South Wales"). */
    boolean isDivision(String name) {
        if (!isCandidateName(name) || gazetteer.countryByName(name) != null) {
            return false;
        }
        for (PlaceLinker.Candidate c : linker.candidates(name)) {
            if (isDivision(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDivision(PlaceLinker.Candidate c) {
        return !c.alternate() && !c.place().isCountry() && c.place().featureType().startsWith("ADM");
    }

    private boolean isCandidateName(String name) {
        return !name.isEmpty() && Character.isUpperCase(name.charAt(0)) && !gazetteer.isOrdinaryRegionName(name);
    }
}
