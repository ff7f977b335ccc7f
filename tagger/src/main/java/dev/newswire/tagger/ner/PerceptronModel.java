package dev.newswire.tagger.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Weights of a linear sequence model: one row of {@link Label#COUNT} scores per feature hash, plus label
 * transition scores. Stored compactly: feature hashes as longs and weights quantised to 16 bits.
 */
public final class PerceptronModel {

    private static final int MAGIC = 0x4E575031; // "NWP1"
    private static final int L = Label.COUNT;

    /** Feature hashes by row; looked up through {@link StatisticalTagger}'s joint table, not here. */
    private final long[] keys;
    private final float[] weights;
    private final float[] transitions;

    PerceptronModel(long[] keys, float[] weights, float[] transitions) {
        this.keys = keys;
        this.weights = weights;
        this.transitions = transitions;
    }

    /** Number of features with weights. */
    public int featureCount() {
        return keys.length;
    }


    /** Feature hashes, indexed by row. */
    long[] keys() {
        return keys;
    }

    /** Weights, {@link Label#COUNT} per row. */
    float[] weights() {
        return weights;
    }

    float[] transitions() {
        return transitions;
    }

    /** Writes the model (caller closes the stream). */
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(L);
        out.writeInt(keys.length);
        for (float t : transitions) {
            out.writeFloat(t);
        }
        float max = 1e-9f;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max / Short.MAX_VALUE;
        out.writeFloat(scale);
        // keys delta-free but grouped by row: each row is key then its L quantised weights
        for (int r = 0; r < keys.length; r++) {
            out.writeLong(keys[r]);
        }
        for (float w : weights) {
            out.writeShort(Math.round(w / scale));
        }
        out.flush();
    }

    /** Reads a model written by {@link #write}. */
    public static PerceptronModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC || in.readInt() != L) {
            throw new IOException("not a tagger model, or one for other labels");
        }
        int n = in.readInt();
        float[] transitions = new float[(L + 1) * L];
        for (int i = 0; i < transitions.length; i++) {
            transitions[i] = in.readFloat();
        }
        float scale = in.readFloat();
        long[] keys = new long[n];
        java.nio.ByteBuffer.wrap(in.readNBytes(n * 8)).asLongBuffer().get(keys);
        float[] weights = new float[n * L];
        byte[] buf = new byte[weights.length * 2];
        in.readFully(buf);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (short) ((buf[2 * i] << 8) | (buf[2 * i + 1] & 0xff)) * scale;
        }
        return new PerceptronModel(keys, weights, transitions);
    }

    /**
     * The mean of several models over the same features (e.g. trained with different shuffling seeds): a
     * feature missing from a model weighs 0 there. A linear model's scores are linear in its weights, so the
     * mean model scores every labelling by the mean of the models' scores: an ensemble at the cost of one model.
     */
    static PerceptronModel mean(java.util.List<PerceptronModel> models) {
        if (models.size() == 1) {
            return models.get(0);
        }
        long[] union = models.stream().flatMapToLong(m -> Arrays.stream(m.keys)).sorted().distinct().toArray();
        float[] weights = new float[union.length * L];
        float[] transitions = new float[models.get(0).transitions.length];
        float share = 1f / models.size();
        for (PerceptronModel m : models) {
            for (int r = 0; r < m.keys.length; r++) {
                int row = Arrays.binarySearch(union, m.keys[r]);
                for (int l = 0; l < L; l++) {
                    weights[row * L + l] += share * m.weights[r * L + l];
                }
            }
            for (int i = 0; i < transitions.length; i++) {
                transitions[i] += share * m.transitions[i];
            }
        }
        return new PerceptronModel(union, weights, transitions);
    }

    /** This model without the features whose largest weight (in absolute value) is below {@code minWeight}. */
    PerceptronModel withoutWeightsBelow(float minWeight) {
        boolean[] keep = new boolean[keys.length];
        int kept = 0;
        for (int r = 0; r < keys.length; r++) {
            float max = 0;
            for (int l = 0; l < L; l++) {
                max = Math.max(max, Math.abs(weights[r * L + l]));
            }
            if (max >= minWeight) {
                keep[r] = true;
                kept++;
            }
        }
        long[] k2 = new long[kept];
        float[] w2 = new float[kept * L];
        for (int r = 0, k = 0; r < keys.length; r++) {
            if (keep[r]) {
                k2[k] = keys[r];
                System.arraycopy(weights, r * L, w2, k * L, L);
                k++;
            }
        }
        return new PerceptronModel(k2, w2, transitions);
    }

    @Override
    public String toString() {
        return "PerceptronModel[features=" + featureCount() + ", transitions=" + Arrays.toString(Arrays.copyOf(transitions, 3)) + "…]";
    }
}
