package dev.newswire.tagger.text;

/**
 * A sentence as a range of token indexes.
 *
 * @param start index of its first token
 * @param end   index after its last token (exclusive)
 */
public record Sentence(int start, int end) {
    /** Number of tokens in the sentence. */
    public int length() {
        return end - start;
    }
}
