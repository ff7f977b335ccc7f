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
        forward(emissions, from, to, transitions, allowed, score, back);
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

    /**
     * The forward pass: {@code score[t][y]} is the best score of tokens {@code from..from+t} with label y at the
     * last of them; {@code back[t][y]} (when not null) the label before it on that best path.
     */
    private static void forward(float[] emissions, int from, int to, float[] transitions, int[] allowed,
                                float[] score, int[] back) {
        int n = to - from;
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
                if (back != null) {
                    back[t * L + y] = arg;
                }
            }
        }
    }

    /**
     * For every span of {@code spans} (token ranges inside sentence {@code from..to}), the score of the best
     * labelling of the sentence in which the span's tokens are all O, as {@link #decode} restricted to O on the
     * span would find it, in one forward and one backward pass instead of one decode per span.
     *
     * @param allowed optional per-token bit masks of allowed labels (O must be allowed on the spans)
     * @param spans   start (inclusive) and end (exclusive) token of each span, pairs in one array
     */
    static float[] bestWithoutSpans(float[] emissions, int from, int to, float[] transitions, int[] allowed, int[] spans) {
        int n = to - from;
        float[] forward = new float[n * L];
        float[] backward = new float[n * L];
        forward(emissions, from, to, transitions, allowed, forward, null);
        // backward[t][y]: the best continuation after token t labelled y (transitions and emissions of t+1..)
        for (int t = n - 2; t >= 0; t--) {
            for (int y = 0; y < L; y++) {
                float best = NEG;
                for (int next = 0; next < L; next++) {
                    float after = backward[(t + 1) * L + next];
                    if (after > NEG && legal(y, next) && (allowed == null || (allowed[from + t + 1] & (1 << next)) != 0)) {
                        best = Math.max(best, transitions[y * L + next] + emissions[(from + t + 1) * L + next] + after);
                    }
                }
                backward[t * L + y] = best;
            }
        }
        float[] out = new float[spans.length / 2];
        int o = Label.O;
        for (int k = 0; k < out.length; k++) {
            int s = spans[2 * k] - from;
            int e = spans[2 * k + 1] - from;
            float into;
            if (s == 0) {
                into = transitions[START * L + o];
            } else {
                into = NEG;
                for (int p = 0; p < L; p++) {
                    float prev = forward[(s - 1) * L + p];
                    if (prev > NEG) {
                        into = Math.max(into, prev + transitions[p * L + o]);
                    }
                }
            }
            float total = into;
            for (int t = s; t < e; t++) {
                total += emissions[(from + t) * L + o] + (t > s ? transitions[o * L + o] : 0);
            }
            out[k] = into <= NEG || backward[(e - 1) * L + o] <= NEG ? NEG : total + backward[(e - 1) * L + o];
        }
        return out;
    }
}
