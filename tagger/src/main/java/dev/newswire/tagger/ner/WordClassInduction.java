package dev.newswire.tagger.ner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Induces word classes from plain text with the exchange algorithm (Kneser and Ney 1993; Martin, Liermann
 * and Ney 1998): start from an arbitrary assignment of words to K classes and repeatedly move each word to
 * the class that most increases the likelihood of a class-bigram model of the text. Words in one class are
 * used in similar contexts ("Seoul", "Tokyo", "Moscow"), so a rare name inherits evidence from common ones.
 * Same objective as Brown clustering, flat instead of hierarchical; run at several K for coarse and fine
 * classes.
 */
public final class WordClassInduction {

    private final int[][] rightWords;
    private final int[][] rightCounts;
    private final int[][] leftWords;
    private final int[][] leftCounts;
    private final int[] selfCounts;
    private final long[] asLeft;
    private final long[] asRight;
    private final String[] vocabulary;

    private WordClassInduction(String[] vocabulary, Map<Long, Integer> bigrams, long[] asLeft, long[] asRight) {
        int v = vocabulary.length;
        this.vocabulary = vocabulary;
        this.asLeft = asLeft;
        this.asRight = asRight;
        this.selfCounts = new int[v];
        List<List<int[]>> right = new ArrayList<>(v);
        List<List<int[]>> left = new ArrayList<>(v);
        for (int i = 0; i < v; i++) {
            right.add(new ArrayList<>());
            left.add(new ArrayList<>());
        }
        for (Map.Entry<Long, Integer> e : bigrams.entrySet()) {
            int a = (int) (e.getKey() >>> 32);
            int b = (int) (e.getKey() & 0xffffffffL);
            int n = e.getValue();
            if (a == b) {
                selfCounts[a] += n;
            } else {
                right.get(a).add(new int[]{b, n});
                left.get(b).add(new int[]{a, n});
            }
        }
        rightWords = new int[v][];
        rightCounts = new int[v][];
        leftWords = new int[v][];
        leftCounts = new int[v][];
        for (int i = 0; i < v; i++) {
            rightWords[i] = right.get(i).stream().mapToInt(x -> x[0]).toArray();
            rightCounts[i] = right.get(i).stream().mapToInt(x -> x[1]).toArray();
            leftWords[i] = left.get(i).stream().mapToInt(x -> x[0]).toArray();
            leftCounts[i] = left.get(i).stream().mapToInt(x -> x[1]).toArray();
        }
    }

    /**
     * Counts the bigrams of tokenized, lower-cased sentences. Words seen fewer than {@code minCount} times
     * share one fixed "rare" word that takes part in the counts but gets no class.
     */
    public static WordClassInduction fromSentences(List<String[]> sentences, int minCount) {
        Map<String, Integer> freq = new HashMap<>();
        for (String[] s : sentences) {
            for (String w : s) {
                freq.merge(w, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>();
        freq.forEach((w, n) -> {
            if (n >= minCount) {
                words.add(w);
            }
        });
        words.sort((a, b) -> freq.get(b) - freq.get(a) != 0 ? freq.get(b) - freq.get(a) : a.compareTo(b));
        words.add("<rare>");
        words.add("<s>");
        String[] vocab = words.toArray(new String[0]);
        Map<String, Integer> id = new HashMap<>();
        for (int i = 0; i < vocab.length; i++) {
            id.put(vocab[i], i);
        }
        int rare = vocab.length - 2;
        int boundary = vocab.length - 1;
        Map<Long, Integer> bigrams = new HashMap<>();
        long[] asLeft = new long[vocab.length];
        long[] asRight = new long[vocab.length];
        for (String[] s : sentences) {
            int prev = boundary;
            for (int k = 0; k <= s.length; k++) {
                int cur = k < s.length ? id.getOrDefault(s[k], rare) : boundary;
                bigrams.merge(((long) prev << 32) | cur, 1, Integer::sum);
                asLeft[prev]++;
                asRight[cur]++;
                prev = cur;
            }
        }
        return new WordClassInduction(vocab, bigrams, asLeft, asRight);
    }

    /** Number of words that get a class. */
    public int vocabularySize() {
        return vocabulary.length - 2;
    }

    /** The word with this id (ids 0..vocabularySize-1, most frequent first). */
    public String word(int id) {
        return vocabulary[id];
    }

    /** Runs the exchange algorithm with {@code k} classes; returns the class of each word id. */
    public int[] induce(int k, int iterations, PrintStream log) {
        int v = vocabulary.length;
        int fixedRare = v - 2;
        int fixedBoundary = v - 1;
        int classes = k + 2; // two fixed classes: rare words and sentence boundaries
        int[] cls = new int[v];
        for (int w = 0; w < v - 2; w++) {
            cls[w] = w % k;
        }
        cls[fixedRare] = k;
        cls[fixedBoundary] = k + 1;
        long[] pair = new long[classes * classes];
        long[] left = new long[classes];
        long[] right = new long[classes];
        for (int w = 0; w < v; w++) {
            left[cls[w]] += asLeft[w];
            right[cls[w]] += asRight[w];
            pair[cls[w] * classes + cls[w]] += selfCounts[w];
            for (int j = 0; j < rightWords[w].length; j++) {
                pair[cls[w] * classes + cls[rightWords[w][j]]] += rightCounts[w][j];
            }
        }
        long[] r = new long[classes];
        long[] l = new long[classes];
        int[] touchedR = new int[classes];
        int[] touchedL = new int[classes];
        for (int it = 1; it <= iterations; it++) {
            int moved = 0;
            for (int w = 0; w < v - 2; w++) {
                int nr = 0;
                int nl = 0;
                for (int j = 0; j < rightWords[w].length; j++) {
                    int c = cls[rightWords[w][j]];
                    if (r[c] == 0) {
                        touchedR[nr++] = c;
                    }
                    r[c] += rightCounts[w][j];
                }
                for (int j = 0; j < leftWords[w].length; j++) {
                    int c = cls[leftWords[w][j]];
                    if (l[c] == 0) {
                        touchedL[nl++] = c;
                    }
                    l[c] += leftCounts[w][j];
                }
                long self = selfCounts[w];
                int from = cls[w];
                apply(pair, left, right, classes, from, w, r, touchedR, nr, l, touchedL, nl, self, -1);
                int best = from;
                double bestGain = Double.NEGATIVE_INFINITY;
                for (int b = 0; b < k; b++) {
                    double gain = gain(pair, left, right, classes, b, w, r, touchedR, nr, l, touchedL, nl, self);
                    if (gain > bestGain + 1e-9) {
                        bestGain = gain;
                        best = b;
                    }
                }
                apply(pair, left, right, classes, best, w, r, touchedR, nr, l, touchedL, nl, self, +1);
                if (best != from) {
                    cls[w] = best;
                    moved++;
                }
                for (int j = 0; j < nr; j++) {
                    r[touchedR[j]] = 0;
                }
                for (int j = 0; j < nl; j++) {
                    l[touchedL[j]] = 0;
                }
            }
            log.printf(Locale.ROOT, "  K=%d iteration %d: %d words moved%n", k, it, moved);
            if (moved == 0) {
                break;
            }
        }
        return Arrays.copyOf(cls, v - 2);
    }

    private static double f(long x) {
        return x <= 0 ? 0 : x * Math.log(x);
    }

    /** Change in log-likelihood from putting word {@code w} (currently in no class) into class {@code b}. */
    private double gain(long[] pair, long[] left, long[] right, int classes, int b, int w, long[] r, int[] touchedR,
                        int nr, long[] l, int[] touchedL, int nl, long self) {
        double g = 0;
        long bb = r[b] + l[b] + self;
        for (int j = 0; j < nr; j++) {
            int c = touchedR[j];
            if (c != b) {
                long n = pair[b * classes + c];
                g += f(n + r[c]) - f(n);
            }
        }
        for (int j = 0; j < nl; j++) {
            int c = touchedL[j];
            if (c != b) {
                long n = pair[c * classes + b];
                g += f(n + l[c]) - f(n);
            }
        }
        long nbb = pair[b * classes + b];
        g += f(nbb + bb) - f(nbb);
        g -= f(left[b] + asLeft[w]) - f(left[b]);
        g -= f(right[b] + asRight[w]) - f(right[b]);
        return g;
    }

    private void apply(long[] pair, long[] left, long[] right, int classes, int b, int w, long[] r, int[] touchedR,
                       int nr, long[] l, int[] touchedL, int nl, long self, int sign) {
        for (int j = 0; j < nr; j++) {
            int c = touchedR[j];
            if (c != b) {
                pair[b * classes + c] += sign * r[c];
            }
        }
        for (int j = 0; j < nl; j++) {
            int c = touchedL[j];
            if (c != b) {
                pair[c * classes + b] += sign * l[c];
            }
        }
        pair[b * classes + b] += sign * (r[b] + l[b] + self);
        left[b] += sign * asLeft[w];
        right[b] += sign * asRight[w];
    }
}
