package dev.newswire.tagger.ner;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class VectorClusteringTest {

    /** Three tight bundles of directions in 8 dimensions, 200 words each, interleaved. */
    private static float[] bundles() {
        Random random = new Random(3);
        int d = 8;
        float[] v = new float[600 * d];
        for (int w = 0; w < 600; w++) {
            int bundle = w % 3;
            for (int j = 0; j < d; j++) {
                v[w * d + j] = (j == bundle ? 5f : 0f) + (float) random.nextGaussian() * 0.3f;
            }
        }
        VectorClustering.normalise(v, d);
        return v;
    }

    @Test
    void wordsPointingTheSameWayShareAClass() throws Exception {
        int[] classes = new VectorClustering(bundles(), 8, 2).cluster(3, 600, 10, 1);
        for (int w = 3; w < 600; w++) {
            assertEquals(classes[w % 3], classes[w], "word " + w);
        }
        assertNotEquals(classes[0], classes[1]);
        assertNotEquals(classes[1], classes[2]);
        assertNotEquals(classes[0], classes[2]);
    }

    @Test
    void theClassesDoNotDependOnTheNumberOfThreads() throws Exception {
        float[] v = bundles();
        int[] one = new VectorClustering(v, 8, 1).cluster(7, 400, 5, 9);
        int[] two = new VectorClustering(v, 8, 2).cluster(7, 400, 5, 9);
        assertArrayEquals(one, two);
    }

    @Test
    void wordsBeyondTheFittedOnesGetTheirNearestClass() throws Exception {
        int[] classes = new VectorClustering(bundles(), 8, 2).cluster(3, 300, 10, 1);
        for (int w = 300; w < 600; w++) {
            assertEquals(classes[w % 3], classes[w], "word " + w);
        }
    }
}
