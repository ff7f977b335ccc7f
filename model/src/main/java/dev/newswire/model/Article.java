package dev.newswire.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An enriched article: the value of {@link Topics#ARTICLES}. Schema: {@code schemas/article.v1.schema.json}.
 * Mention offsets in {@link #entities()} refer to {@link #text()}.
 *
 * @param schemaVersion   {@link SchemaVersions#ARTICLE}
 * @param id              stable id derived from the canonical URL ({@link Keys#articleId(String)})
 * @param url             the URL the page was fetched from
 * @param canonicalUrl    the page's canonical URL
 * @param host            host name of the canonical URL
 * @param siteName        the publication's name, when the page gives it
 * @param title           headline
 * @param byline          authors joined for display ("A and B"), or null
 * @param authors         authors, one per entry
 * @param publishedAt     first publication time, or null
 * @param publishedSource where {@code publishedAt} came from (json-ld, meta, time, url, text)
 * @param modifiedAt      last modification time, or null
 * @param language        ISO 639-1 code of the text, or null
 * @param text            clean main text, paragraphs separated by a blank line
 * @param paragraphs      the same text, one block per entry
 * @param entities        people, places and organisations mentioned, one per real-world thing
 * @param fetchedAt       when the crawler fetched the page
 * @param crawler         which crawler sent it
 * @param quality         signals of how much the page looks like an article
 * @param storyId         id of the story this article belongs to (copies of one wire story share it), or null
 * @param duplicateOf     id of the first-seen article this one copies, or null when it is the original
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(int schemaVersion, String id, String url, String canonicalUrl, String host, String siteName,
                      String title, String byline, List<String> authors, Instant publishedAt, String publishedSource,
                      Instant modifiedAt, String language, String text, List<String> paragraphs,
                      List<Entity> entities, Instant fetchedAt, String crawler, Quality quality,
                      String storyId, String duplicateOf) {

    public Article {
        authors = authors == null ? List.of() : List.copyOf(authors);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** This article with its story assignment. */
    public Article withStory(String storyId, String duplicateOf) {
        return new Article(schemaVersion, id, url, canonicalUrl, host, siteName, title, byline, authors, publishedAt,
                publishedSource, modifiedAt, language, text, paragraphs, entities, fetchedAt, crawler, quality,
                storyId, duplicateOf);
    }

    /**
     * One real-world thing mentioned in the article.
     *
     * @param type         PERSON, LOCATION, ORGANIZATION or MISC
     * @param name         canonical name
     * @param id           knowledge-base id ("geonames:1835848", "wikidata:Q7747"), or null
     * @param salience     how central it is to the article (0..1)
     * @param mentionCount number of mentions
     * @param attributes   extra facts (places: lat, lon, countryCode, featureType, population)
     * @param mentions     every mention with offsets into {@link Article#text()}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entity(String type, String name, String id, double salience, int mentionCount,
                         Map<String, Object> attributes, List<Mention> mentions) {
        public Entity {
            attributes = attributes == null ? Map.of() : attributes;
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }

    /**
     * One mention: {@code text.substring(start, end)} of the article text (UTF-16 offsets, end exclusive).
     */
    public record Mention(int start, int end, String text) {
    }

    /**
     * Quality signals.
     *
     * @param pageKind    article, index, paywall, error or empty
     * @param isArticle   whether the page looks like an article
     * @param textLength  characters of clean text
     * @param linkDensity share of the main text inside links (0..1)
     */
    public record Quality(String pageKind, boolean isArticle, int textLength, double linkDensity) {
    }
}
