package dev.newswire.search;

import java.time.Instant;
import java.util.List;

/**
 * One article in search results and stories.
 *
 * @param id          article id
 * @param url         the URL it was fetched from
 * @param title       headline, or null
 * @param publishedAt publication time, or null
 * @param host        host of the canonical URL
 * @param language    ISO 639-1 code, or null
 * @param storyId     story it belongs to, or null
 * @param duplicateOf the first-seen article it copies, or null for an original
 * @param snippet     plain text: the passage that matched a text query, else the start of the text
 * @param entities    its entities, most salient first
 */
public record ArticleSummary(String id, String url, String title, Instant publishedAt, String host, String language,
                             String storyId, String duplicateOf, String snippet, List<EntityRef> entities) {

    public ArticleSummary {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    ArticleSummary withEntities(List<EntityRef> list) {
        return new ArticleSummary(id, url, title, publishedAt, host, language, storyId, duplicateOf, snippet, list);
    }
}
