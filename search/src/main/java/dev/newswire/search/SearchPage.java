package dev.newswire.search;

import java.util.List;

/**
 * One page of search results.
 *
 * @param articles the articles, best first (text query) or newest first
 * @param next     the cursor of the next page, or null when this is the last
 */
public record SearchPage(List<ArticleSummary> articles, String next) {
}
