package dev.newswire.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What is kept of a text to find its copies: a fingerprint of the normalised words (exact duplicates), the number
 * of distinct shingles, and a MinHash signature (near-duplicates). About 1 KB whatever the text's length.
 *
 * @param exactHash    first 128 bits of SHA-256 of the normalised words, hex
 * @param shingleCount distinct word shingles of the text
 * @param minHashes    the MinHash signature, {@link DedupSettings#hashes()} values
 */
public record Sketch(String exactHash, int shingleCount, long[] minHashes) {

    private static final long[] SEEDS = seeds(1024, 0x2545F4914F6CDD1DL);
    private static final long[] MULTIPLIERS = odd(seeds(1024, 0x5DEECE66DL));

    /** Sketches {@code text} with {@code settings}. */
    public static Sketch of(String text, DedupSettings settings) {
        List<String> words = TextNormalizer.words(text);
        long[] shingles = shingleHashes(words, settings.shingleWords());
        long[] mins = new long[settings.hashes()];
        Arrays.fill(mins, -1L); // the largest unsigned value
        // h_i(x) = a_i * x + b_i (mod 2^64) with odd a_i: a permutation of the 64-bit shingle hashes per i, one
        // multiply-add instead of a full mix per (shingle, function) pair; x is already well mixed.
        for (long sh : shingles) {
            for (int i = 0; i < mins.length; i++) {
                long h = MULTIPLIERS[i] * sh + SEEDS[i];
                if (Long.compareUnsigned(h, mins[i]) < 0) {
                    mins[i] = h;
                }
            }
        }
        return new Sketch(exactHash(words), shingles.length, mins);
    }

    /** Estimated Jaccard similarity of the two shingle sets: the share of MinHash values that agree. */
    public double jaccard(Sketch other) {
        int n = Math.min(minHashes.length, other.minHashes.length);
        if (n == 0 || shingleCount == 0 || other.shingleCount == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (minHashes[i] == other.minHashes[i]) {
                same++;
            }
        }
        return (double) same / n;
    }

    /**
     * Estimated share of the smaller text's shingles that are also in the larger one, from the Jaccard estimate
     * and the set sizes: |A∩B| = J (|A| + |B|) / (1 + J).
     */
    public double containment(Sketch other) {
        return containment(jaccard(other), other);
    }

    double containment(double jaccard, Sketch other) {
        int smaller = Math.min(shingleCount, other.shingleCount);
        if (smaller == 0) {
            return 0;
        }
        double shared = jaccard * (shingleCount + other.shingleCount) / (1 + jaccard);
        return Math.min(1.0, shared / smaller);
    }

    /** Smaller shingle count over larger, 0..1. */
    public double lengthRatio(Sketch other) {
        int max = Math.max(shingleCount, other.shingleCount);
        return max == 0 ? 0 : (double) Math.min(shingleCount, other.shingleCount) / max;
    }

    /** Distinct 64-bit hashes of the word shingles (a text shorter than one shingle is one shingle). */
    static long[] shingleHashes(List<String> words, int k) {
        if (words.isEmpty()) {
            return new long[0];
        }
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = fnv1a(words.get(i));
        }
        int count = Math.max(1, words.size() - k + 1);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < Math.min(i + k, wordHashes.length); j++) {
                h = mix(h * 31 + wordHashes[j]);
            }
            out[i] = h;
        }
        return Arrays.stream(out).distinct().toArray();
    }

    private static String exactHash(List<String> words) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(String.join(" ", words).getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** MurmurHash3's 64-bit finaliser: a cheap, well-mixing permutation, one per seed gives the hash family. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    // Fixed seeds: signatures must stay comparable across restarts and instances.
    private static long[] seeds(int n, long start) {
        long[] out = new long[n];
        long x = start;
        for (int i = 0; i < n; i++) {
            x += 0x9E3779B97F4A7C15L;
            out[i] = mix(x);
        }
        return out;
    }

    private static long[] odd(long[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] |= 1L;
        }
        return values;
    }

    /** Compact binary form for a state store. */
    public byte[] toBytes() {
        byte[] hash = exactHash.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(4 + hash.length + 4 + 4 + 8 * minHashes.length);
        b.putInt(hash.length).put(hash).putInt(shingleCount).putInt(minHashes.length);
        for (long v : minHashes) {
            b.putLong(v);
        }
        return b.array();
    }

    /** Reads {@link #toBytes()}. */
    public static Sketch fromBytes(ByteBuffer b) {
        byte[] hash = new byte[b.getInt()];
        b.get(hash);
        int count = b.getInt();
        long[] mins = new long[b.getInt()];
        for (int i = 0; i < mins.length; i++) {
            mins[i] = b.getLong();
        }
        return new Sketch(new String(hash, StandardCharsets.US_ASCII), count, mins);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sketch s && s.exactHash.equals(exactHash) && s.shingleCount == shingleCount
                && Arrays.equals(s.minHashes, minHashes);
    }

    @Override
    public int hashCode() {
        return exactHash.hashCode();
    }

    @Override
    public String toString() {
        return "Sketch[" + exactHash + ", " + shingleCount + " shingles]";
    }
}
