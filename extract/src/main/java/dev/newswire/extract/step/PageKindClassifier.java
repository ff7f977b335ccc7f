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
 * One logistic model per page kind ({@link PageFeatures#KINDS}) over {@link PageFeatures}. A page is not an
 * article when the article model gives it less than the threshold, or when one of the other models is very sure
 * (above the kind threshold) and the article model is not (below one half); its kind is then the other model that
 * scores highest. The weights are data, a resource written by {@link PageKindTrainer}: {@code kind feature weight}
 * per line, a {@code threshold} and a {@code kind-threshold} line; {@code #} starts a comment.
 */
public final class PageKindClassifier {

    /** The resource the standard model is read from. */
    public static final String RESOURCE = "/dev/newswire/extract/page-kinds.txt";

    private final double[][] weights;
    private final double threshold;
    private final double kindThreshold;

    public PageKindClassifier(double[][] weights, double threshold, double kindThreshold) {
        if (weights.length != PageFeatures.KINDS.size()) {
            throw new IllegalArgumentException("one weight vector per kind expected");
        }
        for (double[] w : weights) {
            if (w.length != PageFeatures.NAMES.size()) {
                throw new IllegalArgumentException("expected " + PageFeatures.NAMES.size() + " weights per kind");
            }
        }
        this.weights = weights;
        this.threshold = threshold;
        this.kindThreshold = kindThreshold;
    }

    private static final class Standard {
        static final PageKindClassifier MODEL = load(PageKindClassifier.class.getResourceAsStream(RESOURCE));
    }

    /** The model shipped with the extractor. */
    public static PageKindClassifier standard() {
        return Standard.MODEL;
    }

    /** Reads a weights file; every kind needs a weight for every feature. */
    public static PageKindClassifier load(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("page-kind weights not found: " + RESOURCE);
        }
        Map<String, Double> w = new HashMap<>();
        double threshold = 0.5;
        double kindThreshold = 1.0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split(" ");
                if (parts[0].equals("threshold")) {
                    threshold = Double.parseDouble(parts[1]);
                } else if (parts[0].equals("kind-threshold")) {
                    kindThreshold = Double.parseDouble(parts[1]);
                } else {
                    w.put(parts[0] + " " + parts[1], Double.parseDouble(parts[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> kinds = PageFeatures.KINDS;
        List<String> names = PageFeatures.NAMES;
        double[][] weights = new double[kinds.size()][names.size()];
        for (int c = 0; c < kinds.size(); c++) {
            for (int i = 0; i < names.size(); i++) {
                Double v = w.get(kinds.get(c) + " " + names.get(i));
                if (v == null) {
                    throw new IllegalStateException("no weight for " + kinds.get(c) + " " + names.get(i));
                }
                weights[c][i] = v;
            }
        }
        return new PageKindClassifier(weights, threshold, kindThreshold);
    }

    /** The probability of each kind by its own model, in the order of {@link PageFeatures#KINDS}. */
    public double[] probabilities(double[] features) {
        double[] p = new double[weights.length];
        for (int c = 0; c < weights.length; c++) {
            double z = 0;
            for (int i = 0; i < features.length; i++) {
                z += weights[c][i] * features[i];
            }
            p[c] = 1 / (1 + Math.exp(-z));
        }
        return p;
    }

    /** "article", or the most likely other kind. */
    public String kind(double[] features) {
        double[] p = probabilities(features);
        int best = 1;
        for (int c = 2; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        boolean other = p[0] < threshold || p[best] > kindThreshold && p[0] < 0.5;
        return PageFeatures.KINDS.get(other ? best : 0);
    }

    public double threshold() {
        return threshold;
    }

    /** How sure another kind's model must be to flag a page the article model is not sure of. */
    public double kindThreshold() {
        return kindThreshold;
    }
}
