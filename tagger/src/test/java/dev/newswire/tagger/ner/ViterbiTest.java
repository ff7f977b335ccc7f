package dev.newswire.tagger.ner;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ViterbiTest {

    private static final int L = Label.COUNT;

    /** The one-pass scores of "best labelling with this span all O" equal a constrained decode per span. */
    @Test
    void bestWithoutSpansEqualsAConstrainedDecodePerSpan() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(14);
            int from = random.nextInt(3);
            int to = from + n;
            float[] emissions = new float[(to + 2) * L];
            for (int i = 0; i < emissions.length; i++) {
                emissions[i] = (float) (random.nextGaussian() * 5);
            }
            float[] transitions = new float[(L + 1) * L];
            for (int i = 0; i < transitions.length; i++) {
                transitions[i] = (float) (random.nextGaussian() * 3);
            }
            int[] allowed = null;
            if (random.nextBoolean()) {
                allowed = new int[to + 2];
                Arrays.fill(allowed, -1);
                for (int i = from; i < to; i++) {
                    if (random.nextInt(4) == 0) {
                        allowed[i] = ~(1 << Label.begin(random.nextInt(4))); // never O itself
                    }
                }
            }
            int spanCount = 1 + random.nextInt(3);
            int[] spans = new int[2 * spanCount];
            for (int k = 0; k < spanCount; k++) {
                int s = from + random.nextInt(n);
                int e = s + 1 + random.nextInt(to - s);
                spans[2 * k] = s;
                spans[2 * k + 1] = e;
            }
            float[] fast = Viterbi.bestWithoutSpans(emissions, from, to, transitions, allowed, spans);
            for (int k = 0; k < spanCount; k++) {
                int[] mask = new int[to + 2];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = allowed == null ? -1 : allowed[i];
                }
                Arrays.fill(mask, spans[2 * k], spans[2 * k + 1], 1 << Label.O);
                int[] labels = new int[to + 2];
                Viterbi.decode(emissions, from, to, transitions, mask, labels);
                float slow = Viterbi.score(emissions, from, to, transitions, labels);
                assertEquals(slow, fast[k], 1e-3f * Math.max(1, Math.abs(slow)), "round " + round + " span " + k);
            }
        }
    }
}
