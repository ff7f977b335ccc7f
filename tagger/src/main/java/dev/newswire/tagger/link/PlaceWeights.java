package dev.newswire.tagger.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The weights of the place resolver's features ({@link PlaceFeatures}), one per feature, read from
 * {@code link/place-weights.properties}; {@code ./newswire geo-train} relearns them.
 */
public final class PlaceWeights {

    private static final String RESOURCE = "/dev/newswire/tagger/link/place-weights.properties";

    private final double[] w;

    /** Weights in {@link PlaceFeatures#NAMES} order. */
    public PlaceWeights(double[] w) {
        if (w.length != PlaceFeatures.COUNT) {
            throw new IllegalArgumentException("expected " + PlaceFeatures.COUNT + " weights, got " + w.length);
        }
        this.w = w.clone();
    }

    /**
     * The hand-set weights {@code geo-train} starts from (population, countries, regions and the default reading
     * first), so that training does not depend on the weights shipped before.
     */
    public static PlaceWeights initial() {
        Properties p = new Properties();
        p.setProperty("population.log", "6");
        p.setProperty("type.country", "5");
        p.setProperty("type.adm1", "2");
        p.setProperty("type.capital", "1");
        p.setProperty("type.seat1", "0.5");
        p.setProperty("type.region", "4");
        p.setProperty("name.alternate", "-1");
        p.setProperty("name.default-reading", "4");
        p.setProperty("article.names-country", "3");
        p.setProperty("context.country-share", "1");
        p.setProperty("context.same-admin1", "1");
        p.setProperty("context.near", "1");
        p.setProperty("pattern.container-follows", "3");
        p.setProperty("pattern.contains-previous", "2");
        return of(p);
    }

    /** The shipped weights. */
    public static PlaceWeights shipped() {
        try (InputStream in = PlaceWeights.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            Properties p = new Properties();
            p.load(in);
            return of(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weights from a file written by {@link #write}. */
    public static PlaceWeights read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            Properties p = new Properties();
            p.load(r);
            return of(p);
        }
    }

    private static PlaceWeights of(Properties p) {
        double[] w = new double[PlaceFeatures.COUNT];
        for (int i = 0; i < w.length; i++) {
            String v = p.getProperty(PlaceFeatures.NAMES.get(i));
            w[i] = v == null ? 0 : Double.parseDouble(v.strip());
        }
        return new PlaceWeights(w);
    }

    /** Score of a feature vector. */
    public double score(double[] features) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * features[i];
        }
        return s;
    }

    /** The weight of feature {@code i}. */
    public double get(int i) {
        return w[i];
    }

    /** A copy of the weights. */
    public double[] toArray() {
        return w.clone();
    }

    /** Writes the weights as a properties file, with a comment saying how they were made. */
    public void write(Path file, String comment) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : comment.split("\n")) {
            b.append("# ").append(line).append('\n');
        }
        for (int i = 0; i < w.length; i++) {
            b.append(PlaceFeatures.NAMES.get(i)).append('=').append(String.format(Locale.ROOT, "%.4f", w[i])).append('\n');
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(b.toString());
        }
    }
}
