package dev.newswire.tagger.eval;

import dev.newswire.tagger.ner.NerDocument;

/**
 * A document with gold IOB2 labels.
 *
 * @param doc    its words and sentences
 * @param gold   gold label per token (see {@link dev.newswire.tagger.ner.Label})
 * @param hasMisc whether the annotation marks MISC at all (UNER does not: its O may hide a MISC)
 */
public record LabeledDocument(NerDocument doc, int[] gold, boolean hasMisc) {
}
