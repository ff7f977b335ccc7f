package dev.newswire.search;

/**
 * How much an entity is mentioned in a set of articles.
 *
 * @param articles articles that mention it
 * @param mentions mentions in those articles
 */
public record EntityCount(String name, String type, String id, long articles, long mentions) {
}
