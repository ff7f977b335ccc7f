package dev.newswire.search;

/**
 * An entity of an article, as search results list it.
 *
 * @param name canonical name
 * @param type PERSON, LOCATION, ORGANIZATION or MISC
 * @param id   knowledge-base id ({@code geonames:…}, {@code wikidata:…}, {@code iso3166:…}), or null
 */
public record EntityRef(String name, String type, String id) {
}
