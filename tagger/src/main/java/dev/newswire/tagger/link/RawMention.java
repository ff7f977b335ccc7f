package dev.newswire.tagger.link;

import dev.newswire.tagger.EntityType;

/**
 * A typed mention before resolution into entities.
 *
 * @param type       entity type, may be corrected during resolution
 * @param tokenStart first token
 * @param tokenEnd   after the last token
 * @param start      character offset of the first character
 * @param end        character offset after the last character
 * @param text       the mention as written
 * @param words      its tokens
 */
public record RawMention(EntityType type, int tokenStart, int tokenEnd, int start, int end, String text, String[] words) {

    RawMention withType(EntityType newType) {
        return new RawMention(newType, tokenStart, tokenEnd, start, end, text, words);
    }
}
