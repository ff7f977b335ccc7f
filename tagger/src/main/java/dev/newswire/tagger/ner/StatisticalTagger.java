package dev.newswire.tagger.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained tagger: a linear model over {@link FeatureExtractor} features decoded with {@link Viterbi},
 * in two passes. The first pass labels the document; the second sees, for every token, what the first pass
 * made of the same word elsewhere in the document (Illinois NER's "prediction history"), so a name tagged
 * confidently once is tagged consistently everywhere.
 */
public final class StatisticalTagger implements SequenceTagger {

    /** Classpath location of the shipped model. */
    public static final String MODEL_RESOURCE = "/dev/newswire/tagger/model/ner-model.bin.gz";
    private static final int L = Label.COUNT;

    private final FeatureExtractor extractor;
    private final PerceptronModel firstPass;
    private final PerceptronModel secondPass;
    private final JointWeights joint;

    /** A tagger from trained models; {@code secondPass} may be null for a one-pass tagger. */
    public StatisticalTagger(FeatureExtractor extractor, PerceptronModel firstPass, PerceptronModel secondPass) {
        this(extractor, firstPass, secondPass, new JointWeights(firstPass, secondPass));
    }

    private StatisticalTagger(FeatureExtractor extractor, PerceptronModel firstPass, PerceptronModel secondPass,
                              JointWeights joint) {
        this.extractor = extractor;
        this.firstPass = firstPass;
        this.secondPass = secondPass;
        this.joint = joint;
    }

    /**
     * The weights of both passes, read independently of the features so loading can overlap with the
     * gazetteer's.
     *
     * @param first  first-pass model
     * @param second second-pass model, or null
     */
    public record Weights(PerceptronModel first, PerceptronModel second, JointWeights joint) {
        Weights(PerceptronModel first, PerceptronModel second) {
            this(first, second, new JointWeights(first, second));
        }
    }

    /** Reads the shipped weights, or returns null if the classpath has none. */
    public static Weights readShippedWeights() {
        try (InputStream raw = StatisticalTagger.class.getResourceAsStream(MODEL_RESOURCE)) {
            return raw == null ? null : readWeights(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
        }
    }

    /** Reads weights written by {@link #write}. */
    public static Weights readWeights(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        int passes = in.readInt();
        PerceptronModel first = PerceptronModel.read(in);
        PerceptronModel second = passes > 1 ? PerceptronModel.read(in) : null;
        return new Weights(first, second);
    }

    /** A tagger from read weights. */
    public static StatisticalTagger of(FeatureExtractor extractor, Weights weights) {
        return new StatisticalTagger(extractor, weights.first(), weights.second(), weights.joint());
    }

    /**
     * One tagger whose weights are the mean of these taggers' (same features; see {@link PerceptronModel#mean}):
     * the ensemble of models trained with different seeds, as fast as one of them. Features whose mean weights
     * all stay below {@code minWeight} (mostly those only one model kept) are dropped, as the trainer drops them.
     */
    public static StatisticalTagger mean(java.util.List<StatisticalTagger> taggers, float minWeight) {
        PerceptronModel first = PerceptronModel.mean(taggers.stream().map(t -> t.firstPass).toList())
                .withoutWeightsBelow(minWeight);
        boolean twoPass = taggers.stream().allMatch(t -> t.secondPass != null);
        PerceptronModel second = twoPass
                ? PerceptronModel.mean(taggers.stream().map(t -> t.secondPass).toList()).withoutWeightsBelow(minWeight)
                : null;
        return new StatisticalTagger(taggers.get(0).extractor, first, second);
    }

    /** Writes both passes, gzipped. */
    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        out.writeInt(secondPass == null ? 1 : 2);
        firstPass.write(out);
        if (secondPass != null) {
            secondPass.write(out);
        }
        out.flush();
        gz.finish();
    }

    @Override
    public int[] label(NerDocument doc) {
        return scores(doc).labels;
    }

    @Override
    public Labelling labelWithConfidence(NerDocument doc) {
        Scores s = scores(doc);
        float[] confidence = new float[s.labels.length];
        java.util.Arrays.fill(confidence, Float.POSITIVE_INFINITY);
        int[] starts = doc.sentenceStarts();
        int[] sentenceOf = new int[s.labels.length];
        for (int k = 0; k < starts.length; k++) {
            for (int i = starts[k]; i < doc.sentenceEnd(k); i++) {
                sentenceOf[i] = k;
            }
        }
        // the spans of each sentence, scored together: one forward and one backward pass per sentence
        List<Span> spans = Span.fromLabels(s.labels);
        int first = 0;
        while (first < spans.size()) {
            int k = sentenceOf[spans.get(first).start()];
            int last = first;
            while (last + 1 < spans.size() && sentenceOf[spans.get(last + 1).start()] == k) {
                last++;
            }
            int[] bounds = new int[2 * (last - first + 1)];
            for (int j = first; j <= last; j++) {
                bounds[2 * (j - first)] = spans.get(j).start();
                bounds[2 * (j - first) + 1] = spans.get(j).end();
            }
            int from = starts[k];
            int to = doc.sentenceEnd(k);
            float best = Viterbi.score(s.emissions, from, to, s.transitions, s.labels);
            float[] without = Viterbi.bestWithoutSpans(s.emissions, from, to, s.transitions, s.allowed, bounds);
            for (int j = first; j <= last; j++) {
                Span span = spans.get(j);
                java.util.Arrays.fill(confidence, span.start(), span.end(), best - without[j - first]);
            }
            first = last + 1;
        }
        return new Labelling(s.labels, confidence);
    }

    /**
     * The final labels with the emission and transition scores they were decoded from, and the labels the
     * decoding allowed per token ({@link TitleConstraint}; null: all).
     */
    private record Scores(int[] labels, float[] emissions, float[] transitions, int[] allowed) {
    }

    private Scores scores(NerDocument doc) {
        FeatureExtractor.Context context = extractor.context(doc);
        int n = doc.words().length;
        // Look every feature up once: the row holds both passes' weights.
        RowCollector rows = new RowCollector(joint, n);
        for (int i = 0; i < n; i++) {
            rows.startToken(i);
            extractor.features(context, i, rows);
        }
        rows.startToken(n);
        float[][] both = rows.emissions(n);
        float[] firstEmissions = both[0];
        int[] allowed = TitleConstraint.allowedLabels(doc.words());
        int[] labels = decode(doc, firstEmissions, firstPass.transitions(), allowed);
        if (secondPass == null) {
            return new Scores(labels, firstEmissions, firstPass.transitions(), allowed);
        }
        context.setPrior(predictionHistory(doc.words(), labels));
        float[] emissions = both[1];
        for (int i = 0; i < n; i++) {
            rows.addPriorScores(extractor, context, i, emissions);
        }
        return new Scores(decode(doc, emissions, secondPass.transitions(), allowed), emissions, secondPass.transitions(), allowed);
    }

    /** Features per model: first-pass size, second-pass size. */
    public String describe() {
        return "first pass " + firstPass.featureCount() + " features"
                + (secondPass == null ? "" : ", second pass " + secondPass.featureCount() + " features");
    }

    private static int[] decode(NerDocument doc, float[] emissions, float[] transitions, int[] allowed) {
        int[] labels = new int[doc.words().length];
        for (int s = 0; s < doc.sentenceStarts().length; s++) {
            Viterbi.decode(emissions, doc.sentenceStarts()[s], doc.sentenceEnd(s), transitions, allowed, labels);
        }
        return labels;
    }

    /**
     * For each token, the entity type the first pass gave most often to the same word elsewhere in the
     * document: 0..3, {@code -1} when its other occurrences were all O, {@code -2} when it occurs only here.
     */
    static int[] predictionHistory(String[] words, int[] labels) {
        Map<String, int[]> counts = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            if (!isNameLike(words[i])) {
                continue;
            }
            int[] c = counts.computeIfAbsent(words[i], k -> new int[5]);
            c[Label.type(labels[i]) + 1]++;
        }
        int[] prior = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            int[] c = counts.get(words[i]);
            if (c == null) {
                prior[i] = -2;
                continue;
            }
            int self = Label.type(labels[i]) + 1;
            int others = 0;
            int best = -1;
            int bestCount = 0;
            for (int k = 0; k < 5; k++) {
                int count = c[k] - (k == self ? 1 : 0);
                others += count;
                if (k > 0 && count > bestCount) {
                    best = k - 1;
                    bestCount = count;
                }
            }
            prior[i] = others == 0 ? -2 : best;
        }
        return prior;
    }

    private static boolean isNameLike(String w) {
        return !w.isEmpty() && Character.isUpperCase(w.charAt(0));
    }

    /**
     * Both passes' weights in one table keyed by feature hash: one lookup serves both passes, and a feature's
     * two rows of weights sit side by side ({@code 2 * L} floats: first pass, then second pass), so the memory
     * read that brings one pass's weights into the cache brings the other's (the weights are far larger than
     * the cache; these reads are most of the tagging time). Built while reading the model (on a loader thread),
     * so {@link dev.newswire.tagger.Tagger#load()} does not wait for it.
     */
    public static final class JointWeights {
        final LongIntMap rows;
        /** Row r: first-pass weights at {@code [2rL, 2rL + L)}, second-pass weights at {@code [2rL + L, 2rL + 2L)}. */
        final float[] weights;

        JointWeights(PerceptronModel firstPass, PerceptronModel secondPass) {
            long[] k1 = firstPass.keys();
            long[] k2 = secondPass == null ? new long[0] : secondPass.keys();
            rows = new LongIntMap(k1.length + k2.length);
            for (long k : k1) {
                rows.getOrAdd(k, rows.size());
            }
            for (long k : k2) {
                rows.getOrAdd(k, rows.size());
            }
            weights = new float[rows.size() * 2 * L];
            copy(k1, firstPass.weights(), 0);
            if (secondPass != null) {
                copy(k2, secondPass.weights(), L);
            }
        }

        private void copy(long[] keys, float[] from, int offset) {
            for (int r = 0; r < keys.length; r++) {
                System.arraycopy(from, r * L, weights, rows.get(keys[r]) * 2 * L + offset, L);
            }
        }
    }

    /** Collects the weight rows of each token's features. */
    private static final class RowCollector implements FeatureExtractor.Sink {
        final JointWeights joint;
        final int[] tokenStart;
        int[] ids;
        int size;

        RowCollector(JointWeights joint, int tokens) {
            this.joint = joint;
            this.tokenStart = new int[tokens + 1];
            this.ids = new int[Math.max(16, tokens * 40)];
        }

        void startToken(int i) {
            tokenStart[i] = size;
        }

        @Override
        public void accept(long feature) {
            int row = joint.rows.get(feature);
            if (row >= 0) {
                if (size == ids.length) {
                    ids = java.util.Arrays.copyOf(ids, size * 2);
                }
                ids[size++] = row;
            }
        }

        /** Both passes' emission scores (without the second pass's prediction-history features), in one sweep. */
        float[][] emissions(int n) {
            float[] weights = joint.weights;
            float[] first = new float[n * L];
            float[] second = new float[n * L];
            for (int i = 0; i < n; i++) {
                int out = i * L;
                for (int k = tokenStart[i]; k < tokenStart[i + 1]; k++) {
                    int base = ids[k] * 2 * L;
                    for (int y = 0; y < L; y++) {
                        first[out + y] += weights[base + y];
                        second[out + y] += weights[base + L + y];
                    }
                }
            }
            return new float[][] {first, second};
        }

        void addPriorScores(FeatureExtractor extractor, FeatureExtractor.Context context, int i, float[] scores) {
            extractor.priorFeatures(context, i, feature -> {
                int row = joint.rows.get(feature);
                if (row >= 0) {
                    int base = row * 2 * L + L;
                    for (int y = 0; y < L; y++) {
                        scores[i * L + y] += joint.weights[base + y];
                    }
                }
            });
        }
    }
}
