package dev.newswire.tagger.link;

import dev.newswire.tagger.gazetteer.Country;
import dev.newswire.tagger.gazetteer.Gazetteer;

/**
 * Tells nationality words ("North Korean", "Koreans", "Kurds") from names: they describe people or things
 * of a country or people, and are neither places nor organisations, though a country's demonym points to it.
 */
final class Nationalities {

    private final Gazetteer gazetteer;
    private final NameEvidence evidence;

    Nationalities(Gazetteer gazetteer, NameEvidence evidence) {
        this.gazetteer = gazetteer;
        this.evidence = evidence;
    }

    /**
     * True for a country's demonym or its plural, and for a word the name lists list as a nationality that
     * names no place or known entity.
     */
    boolean isNationality(RawMention m) {
        if (gazetteer.countryByName(m.text()) != null || gazetteer.known(m.text()) != null) {
            return false;
        }
        if (country(m.text()) != null) {
            return true;
        }
        return evidence.isListedNationality(m.words()) && !gazetteer.isPlaceName(m.text());
    }

    /** The country a demonym or its plural refers to ("Russians" → Russia), or null. */
    Country country(String text) {
        Country c = gazetteer.countryByDemonym(text);
        if (c == null && text.length() > 3 && text.endsWith("s")) {
            c = gazetteer.countryByDemonym(text.substring(0, text.length() - 1));
        }
        return c;
    }
}
