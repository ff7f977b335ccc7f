package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageKindClassifierTest {

    /** A classifier whose models only have a bias: the probability of each kind is fixed. */
    private static PageKindClassifier fixed(double threshold, double kindThreshold, double... probabilities) {
        double[][] w = new double[PageFeatures.KINDS.size()][PageFeatures.NAMES.size()];
        for (int c = 0; c < w.length; c++) {
            w[c][0] = Math.log(probabilities[c] / (1 - probabilities[c]));
        }
        return new PageKindClassifier(w, threshold, kindThreshold);
    }

    private static final double[] BIAS_ONLY = new double[PageFeatures.NAMES.size()];

    static {
        BIAS_ONLY[0] = 1;
    }

    @Test
    void anArticleUnlessTheArticleModelIsSureItIsNot() {
        // article, forum, listing, product, service, documentation
        assertEquals("article", fixed(0.05, 0.95, 0.2, 0.6, 0.1, 0.1, 0.1, 0.1).kind(BIAS_ONLY));
        assertEquals("forum", fixed(0.05, 0.95, 0.01, 0.6, 0.1, 0.1, 0.1, 0.1).kind(BIAS_ONLY));
    }

    @Test
    void aVerySureKindModelFlagsAPageTheArticleModelDoubts() {
        assertEquals("documentation", fixed(0.05, 0.95, 0.3, 0.1, 0.1, 0.1, 0.1, 0.97).kind(BIAS_ONLY));
        assertEquals("article", fixed(0.05, 0.95, 0.6, 0.1, 0.1, 0.1, 0.1, 0.97).kind(BIAS_ONLY),
                "not when the article model leans to article");
        assertEquals("article", fixed(0.05, 0.95, 0.3, 0.1, 0.1, 0.1, 0.1, 0.90).kind(BIAS_ONLY),
                "not below the kind threshold");
    }

    @Test
    void theStandardModelLoadsAndAWeightsFileMissingAFeatureIsRefused() {
        PageKindClassifier.standard();
        String file = "threshold 0.1\narticle bias 1.0\n";
        assertThrows(IllegalStateException.class,
                () -> PageKindClassifier.load(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void urlWordsIncludeSubdomainsAndPathWords() {
        assertEquals(java.util.List.of("docs", "compose", "gettingstarted"),
                PageFeatures.pathWords("https://docs.example.com/compose/gettingstarted/?x=1"));
        assertEquals(java.util.List.of("threads", "new", "tank", "setup"),
                PageFeatures.pathWords("https://www.example.net/threads/new-tank-setup.1332084/"));
    }
}
