package dev.newswire.search;

import java.util.List;

/**
 * A story: the first-seen article and every copy of it (syndicated, re-templated, shortened), first fetched first.
 *
 * @param storyId  the story's id
 * @param title    the title of the first-seen article
 * @param articles the articles, {@code duplicateOf} naming the original in each copy
 */
public record Story(String storyId, String title, List<ArticleSummary> articles) {
}
