package dev.newswire.tagger;

import java.util.List;

/**
 * The countries and cities an article is about, like CLIFF's "focus": places ranked by how often the article
 * names them (a city's mentions also count, at half weight, for its country), keeping those with at least a
 * third of the top score.
 *
 * @param countries focus countries, strongest first
 * @param cities    focus cities, strongest first
 */
public record Focus(List<FocusPlace> countries, List<FocusPlace> cities) {

    /**
     * One focus place.
     *
     * @param name        canonical name
     * @param id          "iso3166:KP" for countries, "geonames:…" for cities
     * @param countryCode ISO 3166-1 alpha-2 code
     * @param score       weighted mention count
     */
    public record FocusPlace(String name, String id, String countryCode, double score) {
    }
}
