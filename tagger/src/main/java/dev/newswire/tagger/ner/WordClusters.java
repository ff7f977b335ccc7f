package dev.newswire.tagger.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Word classes induced from unlabelled text ({@link WordClassInduction}), at several granularities: each
 * lower-cased word has one class id per granularity, coarse to fine. The tagger uses them as features so rare
 * words borrow evidence from words used alike. File format, one word a line: {@code word<TAB>class<TAB>class...}.
 */
public final class WordClusters {

    private static final long[] NONE = new long[0];

    private final Map<String, long[]> pathHashes;

    private WordClusters(Map<String, long[]> pathHashes) {
        this.pathHashes = pathHashes;
    }

    /** No clusters: every word gets no cluster feature. */
    public static WordClusters empty() {
        return new WordClusters(Map.of());
    }

    /** Reads clusters from a classpath resource, or returns {@link #empty()} if it is absent. */
    public static WordClusters loadResource(String resource) {
        try (InputStream raw = WordClusters.class.getResourceAsStream(resource)) {
            return raw == null ? empty() : read(resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads clusters from a stream in {@code word<TAB>class...} lines. */
    public static WordClusters read(InputStream in) throws IOException {
        Map<String, long[]> map = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        while ((line = r.readLine()) != null) {
            String[] f = dev.newswire.tagger.gazetteer.Gazetteer.splitTabs(line);
            if (f.length < 2) {
                continue;
            }
            long[] hashes = new long[f.length - 1];
            for (int k = 1; k < f.length; k++) {
                hashes[k - 1] = FeatureExtractor.hash(f[k]) * 31 + k;
            }
            map.put(f[0], hashes);
        }
        return new WordClusters(map);
    }

    /** Hashes of the classes of a lower-cased word, coarse to fine; empty if the word has none. */
    public long[] pathHashes(String lowerWord) {
        long[] h = pathHashes.get(lowerWord);
        return h == null ? NONE : h;
    }

    /** Number of words with a cluster. */
    public int size() {
        return pathHashes.size();
    }
}
