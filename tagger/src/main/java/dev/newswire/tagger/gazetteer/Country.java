package dev.newswire.tagger.gazetteer;

import java.util.List;

/**
 * A country with the names and demonyms that refer to it.
 *
 * @param place     the country as a place (id "iso3166:XX", featureType "PCLI")
 * @param names     canonical name first, then aliases
 * @param demonyms  adjective and people forms ("North Korean", "North Koreans")
 * @param capital   the capital's name as the country tables give it, or empty
 */
public record Country(Place place, List<String> names, List<String> demonyms, String capital) {
    /** ISO 3166-1 alpha-2 code. */
    public String iso2() {
        return place.countryCode();
    }
}
