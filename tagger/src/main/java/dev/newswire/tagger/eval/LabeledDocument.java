package dev.newswire.tagger.eval;

import dev.newswire.tagger.ner.NerDocument;

/**
 * A document with gold IOB2 labels.
 *
 * @param doc     its words and sentences
 * @param gold    gold label per token (see {@link dev.newswire.tagger.ner.Label})
 * @param hasMisc whether the annotation marks MISC at all (UNER does not: its O may hide a MISC)
 */
public record LabeledDocument(NerDocument doc, int[] gold, boolean hasMisc) {

    /** The same document with MISC removed from the annotation: its O tokens may then hide a MISC. */
    public LabeledDocument withoutMisc() {
        int[] labels = gold.clone();
        for (int i = 0; i < labels.length; i++) {
            if (dev.newswire.tagger.ner.Label.type(labels[i]) == 3) {
                labels[i] = dev.newswire.tagger.ner.Label.O;
            }
        }
        return new LabeledDocument(doc, labels, false);
    }
}
