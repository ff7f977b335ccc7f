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
 * Brown-style word clusters: each lower-cased word has a bit path in a binary merge tree, and prefixes of the
 * path are coarser classes. The tagger uses path prefixes as features so rare words borrow from similar ones.
 * File format, one word a line: {@code path<TAB>word}.
 */
public final class WordClusters {

    /** Prefix lengths used as features, coarse to fine. */
    private static final int[] PREFIXES = {4, 6, 10, 20};
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

    /** Reads clusters from a stream in {@code path<TAB>word} lines. */
    public static WordClusters read(InputStream in) throws IOException {
        Map<String, long[]> map = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        while ((line = r.readLine()) != null) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            String path = line.substring(0, tab);
            String word = line.substring(tab + 1);
            long[] hashes = new long[PREFIXES.length];
            for (int k = 0; k < PREFIXES.length; k++) {
                String prefix = path.substring(0, Math.min(PREFIXES[k], path.length()));
                hashes[k] = FeatureExtractor.hash(prefix) * 31 + k;
            }
            map.put(word, hashes);
        }
        return new WordClusters(map);
    }

    /** Hashes of the path prefixes of a lower-cased word; empty if the word has no cluster. */
    public long[] pathHashes(String lowerWord) {
        long[] h = pathHashes.get(lowerWord);
        return h == null ? NONE : h;
    }

    /** Number of words with a cluster. */
    public int size() {
        return pathHashes.size();
    }
}
