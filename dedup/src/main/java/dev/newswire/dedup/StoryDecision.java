package dev.newswire.dedup;

/**
 * The story an article belongs to, and why.
 *
 * @param storyId     the story's id: the id of its first-seen article
 * @param duplicateOf the first-seen article this one copies, or null when it is the story's original
 * @param kind        how it was decided
 * @param matchedId   the stored article it matched (exact or near), or null
 * @param jaccard     estimated Jaccard similarity to {@code matchedId} (0 when none)
 * @param containment estimated containment of the smaller text in the larger (0 when none)
 */
public record StoryDecision(String storyId, String duplicateOf, Kind kind, String matchedId, double jaccard,
                            double containment) {

    /** How a decision was reached. */
    public enum Kind {
        /** First of its story. */
        NEW_STORY,
        /** The same article id was seen before (an update or a re-crawl of the same URL): same story as before. */
        VERSION,
        /** The same normalised text under another article id. */
        EXACT_DUPLICATE,
        /** A similar text (shortened, re-templated, edited, translated) under another article id. */
        NEAR_DUPLICATE
    }

    /** Whether the article copies another one. */
    public boolean isDuplicate() {
        return duplicateOf != null;
    }
}
