package dev.newswire.extract.step;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A logistic model over {@link BlockFeatures}: the probability that a block of the content root is article text.
 * The weights are data, a resource written by {@link BlockClassifierTrainer} (which says how to retrain it): one
 * {@code name weight} pair per line, plus a {@code threshold} line; {@code #} starts a comment.
 */
public final class BlockClassifier {

    /** The resource the standard model is read from. */
    public static final String RESOURCE = "/dev/newswire/extract/block-classifier.txt";

    private final double[] weights;
    private final double threshold;

    public BlockClassifier(double[] weights, double threshold) {
        if (weights.length != BlockFeatures.NAMES.size()) {
            throw new IllegalArgumentException("expected " + BlockFeatures.NAMES.size() + " weights, got " + weights.length);
        }
        this.weights = weights.clone();
        this.threshold = threshold;
    }

    private static final class Standard {
        static final BlockClassifier MODEL = load(BlockClassifier.class.getResourceAsStream(RESOURCE));
    }

    /** The model shipped with the extractor. */
    public static BlockClassifier standard() {
        return Standard.MODEL;
    }

    /** Reads a weights file; every feature must have a weight. */
    public static BlockClassifier load(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("block classifier weights not found: " + RESOURCE);
        }
        Map<String, Double> w = new HashMap<>();
        double threshold = 0.5;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int cut = t.lastIndexOf(' ');
                String name = t.substring(0, cut).strip();
                double value = Double.parseDouble(t.substring(cut + 1));
                if (name.equals("threshold")) {
                    threshold = value;
                } else {
                    w.put(name, value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = BlockFeatures.NAMES;
        double[] weights = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Double v = w.get(names.get(i));
            if (v == null) {
                throw new IllegalStateException("no weight for block feature " + names.get(i));
            }
            weights[i] = v;
        }
        return new BlockClassifier(weights, threshold);
    }

    /** The probability that the block with these features is article text. */
    public double probability(double[] features) {
        double z = 0;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether the block with these features is kept as article text. */
    public boolean isContent(double[] features) {
        return probability(features) >= threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** The weights, in the order of {@link BlockFeatures#NAMES}. */
    public double[] weights() {
        return weights.clone();
    }
}
