package dev.newswire.tagger.ner;

import java.util.Arrays;

/** Assigns an IOB2 {@link Label} to every token of a document. Implementations are thread-safe. */
public interface SequenceTagger {

    /** One label per token of {@code doc.words()}. */
    int[] label(NerDocument doc);

    /**
     * Labels with, for every token inside an entity, how sure the tagger is of that entity: the score margin
     * of the best labelling over the best one that leaves the entity out. Larger is surer; tokens outside
     * entities get {@link Float#POSITIVE_INFINITY}, and so does every entity of a tagger that cannot tell.
     */
    default Labelling labelWithConfidence(NerDocument doc) {
        int[] labels = label(doc);
        float[] confidence = new float[labels.length];
        Arrays.fill(confidence, Float.POSITIVE_INFINITY);
        return new Labelling(labels, confidence);
    }

    /**
     * Labels and the confidence of the entity each token belongs to.
     *
     * @param labels     one IOB2 label per token
     * @param confidence per token, the margin of its entity (see {@link #labelWithConfidence})
     */
    record Labelling(int[] labels, float[] confidence) {

        /** The labels with every entity of confidence below {@code min} turned into O. */
        public int[] labelsAtLeast(float min) {
            int[] out = labels.clone();
            for (int i = 0; i < out.length; i++) {
                if (confidence[i] < min) {
                    out[i] = Label.O;
                }
            }
            return out;
        }
    }
}
