package dev.newswire.tagger;

/**
 * One mention of an entity in the text.
 *
 * @param start offset of the first character (inclusive) in the tagged text, in UTF-16 units
 * @param end   offset after the last character (exclusive)
 * @param text  the mention as written, {@code text.substring(start, end)}
 */
public record Mention(int start, int end, String text) {
}
