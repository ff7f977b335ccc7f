package dev.newswire.tagger.ner;

/**
 * Exact first-order decoding over IOB2 labels: emission scores per token plus label-transition scores, with
 * the IOB2 rule built in (I-X only after B-X or I-X), optionally restricted to allowed labels per token.
 */
final class Viterbi {

    private static final int L = Label.COUNT;
    private static final float NEG = -1e30f;
    /** transitions index of the virtual label before the first token. */
    static final int START = L;

    private Viterbi() {
    }

    /** True if {@code label} may follow {@code prev} (START for the first token). */
    static boolean legal(int prev, int label) {
        if (label == Label.O || Label.isBegin(label)) {
            return true;
        }
        return prev != START && prev != Label.O && Label.type(prev) == Label.type(label);
    }

    /** The score of labels {@code from..to}: their emissions plus the transitions between them. */
    static float score(float[] emissions, int from, int to, float[] transitions, int[] labels) {
        float total = 0;
        int prev = START;
        for (int i = from; i < to; i++) {
            total += transitions[prev * L + labels[i]] + emissions[i * L + labels[i]];
            prev = labels[i];
        }
        return total;
    }

    /**
     * Best label sequence for tokens {@code from..to} of {@code emissions} (row-major, {@code L} per token).
     *
     * @param transitions (L+1) x L scores, row START for the first token
     * @param allowed     optional per-token bit masks of allowed labels, null for no restriction
     */
    static void decode(float[] emissions, int from, int to, float[] transitions, int[] allowed, int[] out) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        float[] score = new float[n * L];
        int[] back = new int[n * L];
        for (int y = 0; y < L; y++) {
            boolean ok = legal(START, y) && (allowed == null || (allowed[from] & (1 << y)) != 0);
            score[y] = ok ? transitions[START * L + y] + emissions[from * L + y] : NEG;
        }
        for (int t = 1; t < n; t++) {
            int row = (from + t) * L;
            for (int y = 0; y < L; y++) {
                float best = NEG;
                int arg = 0;
                if (allowed == null || (allowed[from + t] & (1 << y)) != 0) {
                    for (int p = 0; p < L; p++) {
                        float prev = score[(t - 1) * L + p];
                        if (prev <= NEG || !legal(p, y)) {
                            continue;
                        }
                        float s = prev + transitions[p * L + y];
                        if (s > best) {
                            best = s;
                            arg = p;
                        }
                    }
                }
                score[t * L + y] = best <= NEG ? NEG : best + emissions[row + y];
                back[t * L + y] = arg;
            }
        }
        int bestLast = 0;
        for (int y = 1; y < L; y++) {
            if (score[(n - 1) * L + y] > score[(n - 1) * L + bestLast]) {
                bestLast = y;
            }
        }
        int y = bestLast;
        for (int t = n - 1; t >= 0; t--) {
            out[from + t] = y;
            y = back[t * L + y];
        }
    }
}
