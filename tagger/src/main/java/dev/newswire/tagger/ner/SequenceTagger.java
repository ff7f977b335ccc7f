package dev.newswire.tagger.ner;

/** Assigns an IOB2 {@link Label} to every token of a document. Implementations are thread-safe. */
public interface SequenceTagger {
    /** One label per token of {@code doc.words()}. */
    int[] label(NerDocument doc);
}
