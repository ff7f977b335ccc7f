package dev.newswire.tagger.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Word classes at several granularities, from pretrained word vectors ({@link VectorClustering}): each
 * lower-cased word of the vectors' vocabulary has one class per granularity, coarse to fine. The tagger uses
 * them as features so that words it was never trained on borrow the evidence of words used alike ("Nikolayev"
 * is in the class of other Russian surnames, "BASF" in that of chemical companies).
 *
 * <p>Words are keyed by the 64-bit hash {@link FeatureExtractor} computes anyway (truncated to 32 bits), so a
 * lookup allocates nothing. Stored as a {@link HashedTable}: one column per granularity.
 */
public final class WordClusters {

    /** Classpath location of the shipped classes. */
    public static final String RESOURCE = "/dev/newswire/tagger/model/word-classes.bin.gz";

    private final HashedTable table;

    private WordClusters(HashedTable table) {
        this.table = table;
    }

    /** No classes: every word gets no class feature. */
    public static WordClusters empty() {
        return new WordClusters(HashedTable.empty(0));
    }

    /** The shipped classes, or {@link #empty()} if the classpath has none. */
    public static WordClusters loadShipped() {
        try (InputStream raw = WordClusters.class.getResourceAsStream(RESOURCE)) {
            return raw == null ? empty() : read(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads classes written by {@link #write}. */
    public static WordClusters read(InputStream raw) throws IOException {
        return new WordClusters(HashedTable.read(raw));
    }

    /**
     * Writes classes: {@code classes[g][w]} is the class of word {@code words[w]} at granularity {@code g}.
     * Two words whose 32-bit keys collide keep the first (the more frequent, vocabularies being in frequency order).
     */
    public static void write(String[] words, int[][] classes, OutputStream out) throws IOException {
        int levels = classes.length;
        IntIntMap seen = new IntIntMap(words.length);
        int[] keys = new int[words.length];
        int[] values = new int[words.length * levels];
        int n = 0;
        for (int w = 0; w < words.length; w++) {
            int key = IntIntMap.key(FeatureExtractor.hash(words[w]));
            if (seen.get(key) >= 0) {
                continue;
            }
            seen.put(key, n);
            keys[n] = key;
            for (int g = 0; g < levels; g++) {
                values[n * levels + g] = classes[g][w];
            }
            n++;
        }
        HashedTable.write(java.util.Arrays.copyOf(keys, n), java.util.Arrays.copyOf(values, n * levels), levels, out);
    }

    /** Emits the class features of a word, given the {@link FeatureExtractor#hash} of its lower case. */
    public void addFeatures(long lowerWordHash, int template, FeatureExtractor.Sink out) {
        int row = table.row(IntIntMap.key(lowerWordHash));
        if (row >= 0) {
            for (int g = 0; g < table.columns(); g++) {
                out.accept(FeatureExtractor.combine(template, ((long) g << 16) | table.value(row, g)));
            }
        }
    }

    /** The classes of a lower-cased word, coarse to fine; empty if it has none. */
    public int[] classes(String lowerWord) {
        int row = table.row(IntIntMap.key(FeatureExtractor.hash(lowerWord)));
        int[] out = new int[row < 0 ? 0 : table.columns()];
        for (int g = 0; g < out.length; g++) {
            out[g] = table.value(row, g);
        }
        return out;
    }

    /** Number of words with classes. */
    public int size() {
        return table.size();
    }
}
