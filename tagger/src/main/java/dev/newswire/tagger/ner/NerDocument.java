package dev.newswire.tagger.ner;

import java.util.List;

/**
 * What a sequence tagger reads: a document's tokens as strings and where its sentences start.
 *
 * @param words          every token of the document
 * @param sentenceStarts index of the first token of each sentence, ascending, starting at 0
 */
public record NerDocument(String[] words, int[] sentenceStarts) {

    /** Builds a document from sentences of words. */
    public static NerDocument of(List<List<String>> sentences) {
        int n = sentences.stream().mapToInt(List::size).sum();
        String[] words = new String[n];
        int[] starts = new int[sentences.size()];
        int k = 0;
        for (int s = 0; s < sentences.size(); s++) {
            starts[s] = k;
            for (String w : sentences.get(s)) {
                words[k++] = w;
            }
        }
        return new NerDocument(words, starts);
    }

    /** End (exclusive) of sentence {@code s}. */
    public int sentenceEnd(int s) {
        return s + 1 < sentenceStarts.length ? sentenceStarts[s + 1] : words.length;
    }
}
