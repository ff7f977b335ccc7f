package dev.newswire.tagger.ner;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PerceptronModelTest {

    private static final int L = Label.COUNT;

    private static float[] rows(float... firstOfEachRow) {
        float[] w = new float[firstOfEachRow.length * L];
        for (int r = 0; r < firstOfEachRow.length; r++) {
            Arrays.fill(w, r * L, (r + 1) * L, firstOfEachRow[r]);
            w[r * L + L - 1] = -firstOfEachRow[r]; // rows are not constant
        }
        return w;
    }

    private static float[] transitions(float v) {
        float[] t = new float[(L + 1) * L];
        Arrays.fill(t, v);
        return t;
    }

    private static float[] row(PerceptronModel m, long key) {
        int r = Arrays.binarySearch(m.keys(), key);
        return Arrays.copyOfRange(m.weights(), r * L, (r + 1) * L);
    }

    @Test
    void theMeanScoresEveryFeatureByTheMeanOfTheModelsWeights() {
        PerceptronModel a = new PerceptronModel(new long[]{5, -3}, rows(2f, 4f), transitions(1f));
        PerceptronModel b = new PerceptronModel(new long[]{-3, 9}, rows(8f, 6f), transitions(3f));
        PerceptronModel mean = PerceptronModel.mean(List.of(a, b));

        assertArrayEquals(new long[]{-3, 5, 9}, mean.keys(), "the union of the features, sorted");
        // feature -3 is in both (4 and 8), feature 5 only in a (2, so 1), feature 9 only in b (6, so 3)
        assertArrayEquals(rows(6f), row(mean, -3), 1e-6f);
        assertArrayEquals(rows(1f), row(mean, 5), 1e-6f);
        assertArrayEquals(rows(3f), row(mean, 9), 1e-6f);
        assertArrayEquals(transitions(2f), mean.transitions(), 1e-6f);
    }

    @Test
    void theMeanOfOneModelIsThatModel() {
        PerceptronModel a = new PerceptronModel(new long[]{1}, rows(2f), transitions(1f));
        assertSame(a, PerceptronModel.mean(List.of(a)));
    }

    @Test
    void aWrittenModelReadsBackWithinItsQuantisation() throws IOException {
        PerceptronModel a = new PerceptronModel(new long[]{-7, 11}, rows(0.5f, -3.25f), transitions(0.75f));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.write(out);
        PerceptronModel back = PerceptronModel.read(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(a.keys(), back.keys());
        assertArrayEquals(a.weights(), back.weights(), 3.25f / Short.MAX_VALUE);
        assertEquals(a.featureCount(), back.featureCount());
    }

    @Test
    void featuresWhoseWeightsAllStaySmallAreDropped() {
        // rows(v) holds v and -v: feature 2's largest weight is 0.01, under the floor; feature 1's is 0.5
        PerceptronModel a = new PerceptronModel(new long[]{1, 2}, rows(0.5f, 0.01f), transitions(1f));
        PerceptronModel pruned = a.withoutWeightsBelow(0.05f);
        assertArrayEquals(new long[]{1}, pruned.keys());
        assertArrayEquals(rows(0.5f), pruned.weights(), 0f);
        assertArrayEquals(a.transitions(), pruned.transitions(), 0f);
    }
}
