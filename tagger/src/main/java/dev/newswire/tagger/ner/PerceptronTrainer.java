package dev.newswire.tagger.ner;

import dev.newswire.tagger.eval.Evaluation;
import dev.newswire.tagger.eval.LabeledDocument;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains a {@link PerceptronModel} with the averaged structured perceptron (Collins 2002): decode each
 * sentence with the current weights, and where the best sequence differs from the gold one move the weights
 * toward gold; the final weights are the average over all steps, which generalises much better.
 *
 * <p>Documents annotated without MISC (Universal NER) constrain rather than fix the target: their O tokens
 * may be O or MISC, and the target is the best sequence within those limits, so they teach PER/LOC/ORG
 * without unlearning MISC.
 */
public final class PerceptronTrainer {

    private static final int L = Label.COUNT;
    private static final int ALL_LABELS = (1 << L) - 1;
    private static final int O_OR_MISC = (1 << Label.O) | (1 << Label.begin(3)) | (1 << Label.inside(3));

    /**
     * Training settings.
     *
     * @param epochs   passes over the training data
     * @param seed     shuffling seed, for reproducible models
     * @param minWeight features whose largest averaged weight is below this are dropped from the model
     */
    public record Options(int epochs, long seed, float minWeight) {
    }

    private final FeatureExtractor extractor;
    private final Options options;
    private final PrintStream log;

    /** A trainer over these features. */
    public PerceptronTrainer(FeatureExtractor extractor, Options options, PrintStream log) {
        this.extractor = extractor;
        this.options = options;
        this.log = log;
    }

    /** Feature ids of every token of a document: token i owns ids[start[i] .. start[i+1]). */
    private record Encoded(LabeledDocument doc, int[] start, int[] ids, int[] allowed) {
    }

    /**
     * Trains a model.
     *
     * @param train       training documents
     * @param trainPriors per training document the first-pass prediction history, or null for a first pass
     * @param dev         documents to report progress on (may be empty)
     * @param devPriors   their prediction histories, or null
     */
    public PerceptronModel train(List<LabeledDocument> train, List<int[]> trainPriors,
                                 List<LabeledDocument> dev, List<int[]> devPriors) {
        LongIntMap index = new LongIntMap(1 << 20);
        List<Encoded> encoded = new ArrayList<>(train.size());
        for (int d = 0; d < train.size(); d++) {
            encoded.add(encode(train.get(d), trainPriors == null ? null : trainPriors.get(d), index, true));
        }
        List<Encoded> devEncoded = new ArrayList<>(dev.size());
        for (int d = 0; d < dev.size(); d++) {
            devEncoded.add(encode(dev.get(d), devPriors == null ? null : devPriors.get(d), index, false));
        }
        int features = index.size();
        log.printf(Locale.ROOT, "  %d documents, %d features%n", train.size(), features);

        float[] w = new float[features * L];
        float[] u = new float[features * L];
        float[] t = new float[(L + 1) * L];
        float[] tu = new float[(L + 1) * L];
        int[] step = {1};
        Random random = new Random(options.seed());
        List<Encoded> order = new ArrayList<>(encoded);
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            int mistakes = 0;
            for (Encoded e : order) {
                mistakes += trainDocument(e, w, u, t, tu, step);
            }
            String devScore = "";
            if (!devEncoded.isEmpty()) {
                float[] aw = average(w, u, step[0]);
                float[] at = average(t, tu, step[0]);
                Evaluation eval = new Evaluation(false);
                for (Encoded e : devEncoded) {
                    eval.add(e.doc().gold(), decode(e, aw, at, null));
                }
                devScore = String.format(Locale.ROOT, ", dev F1 %.4f (PER %.4f LOC %.4f ORG %.4f MISC %.4f)",
                        eval.f1(), eval.f1(0), eval.f1(1), eval.f1(2), eval.f1(3));
            }
            log.printf(Locale.ROOT, "  epoch %d: %d sentence mistakes%s%n", epoch, mistakes, devScore);
        }
        float[] aw = average(w, u, step[0]);
        float[] at = average(t, tu, step[0]);
        return prune(index.keysByValue(), aw, at);
    }

    private Encoded encode(LabeledDocument d, int[] prior, LongIntMap index, boolean grow) {
        FeatureExtractor.Context c = extractor.context(d.doc());
        if (prior != null) {
            c.setPrior(prior);
        }
        int n = c.size();
        int[] start = new int[n + 1];
        IntList ids = new IntList(n * 48);
        for (int i = 0; i < n; i++) {
            start[i] = ids.size;
            extractor.features(c, i, h -> {
                int id = grow ? index.getOrAdd(h, index.size()) : index.get(h);
                if (id >= 0) {
                    ids.add(id);
                }
            });
        }
        start[n] = ids.size;
        int[] allowed = null;
        if (!d.hasMisc()) {
            allowed = new int[n];
            for (int i = 0; i < n; i++) {
                allowed[i] = d.gold()[i] == Label.O ? O_OR_MISC : 1 << d.gold()[i];
            }
        }
        return new Encoded(d, start, ids.toArray(), allowed);
    }

    private int trainDocument(Encoded e, float[] w, float[] u, float[] t, float[] tu, int[] step) {
        NerDocument doc = e.doc().doc();
        int n = doc.words().length;
        float[] emissions = new float[n * L];
        int[] predicted = new int[n];
        int[] target = e.allowed() == null ? e.doc().gold() : new int[n];
        int mistakes = 0;
        for (int s = 0; s < doc.sentenceStarts().length; s++) {
            int from = doc.sentenceStarts()[s];
            int to = doc.sentenceEnd(s);
            // weights change after each sentence, so refresh this sentence's scores first
            refresh(e, w, emissions, from, to);
            Viterbi.decode(emissions, from, to, t, null, predicted);
            if (e.allowed() != null) {
                Viterbi.decode(emissions, from, to, t, e.allowed(), target);
            }
            boolean wrong = false;
            for (int i = from; i < to; i++) {
                if (predicted[i] != target[i]) {
                    wrong = true;
                    break;
                }
            }
            if (wrong) {
                mistakes++;
                int c = step[0];
                for (int i = from; i < to; i++) {
                    int gold = target[i];
                    int pred = predicted[i];
                    if (gold != pred) {
                        for (int k = e.start()[i]; k < e.start()[i + 1]; k++) {
                            int base = e.ids()[k] * L;
                            w[base + gold] += 1;
                            u[base + gold] += c;
                            w[base + pred] -= 1;
                            u[base + pred] -= c;
                        }
                    }
                    int goldPrev = i == from ? Viterbi.START : target[i - 1];
                    int predPrev = i == from ? Viterbi.START : predicted[i - 1];
                    if (gold != pred || goldPrev != predPrev) {
                        t[goldPrev * L + gold] += 1;
                        tu[goldPrev * L + gold] += c;
                        t[predPrev * L + pred] -= 1;
                        tu[predPrev * L + pred] -= c;
                    }
                }
            }
            step[0]++;
        }
        return mistakes;
    }

    private static float[] emissions(Encoded e, float[] w, int from, int to) {
        float[] emissions = new float[e.doc().gold().length * L];
        refresh(e, w, emissions, from, to);
        return emissions;
    }

    private static void refresh(Encoded e, float[] w, float[] emissions, int from, int to) {
        for (int i = from; i < to; i++) {
            int row = i * L;
            for (int y = 0; y < L; y++) {
                emissions[row + y] = 0;
            }
            for (int k = e.start()[i]; k < e.start()[i + 1]; k++) {
                int base = e.ids()[k] * L;
                for (int y = 0; y < L; y++) {
                    emissions[row + y] += w[base + y];
                }
            }
        }
    }

    private static int[] decode(Encoded e, float[] w, float[] t, int[] allowed) {
        NerDocument doc = e.doc().doc();
        int n = doc.words().length;
        float[] emissions = emissions(e, w, 0, n);
        int[] out = new int[n];
        for (int s = 0; s < doc.sentenceStarts().length; s++) {
            Viterbi.decode(emissions, doc.sentenceStarts()[s], doc.sentenceEnd(s), t, allowed, out);
        }
        return out;
    }

    private static float[] average(float[] w, float[] u, int c) {
        float[] a = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            a[i] = w[i] - u[i] / c;
        }
        return a;
    }

    private PerceptronModel prune(long[] keys, float[] weights, float[] transitions) {
        PerceptronModel pruned = new PerceptronModel(keys, weights, transitions).withoutWeightsBelow(options.minWeight());
        log.printf(Locale.ROOT, "  kept %d of %d features (|w| >= %.3f)%n", pruned.featureCount(), keys.length,
                options.minWeight());
        return pruned;
    }

    /** A growable int array. */
    private static final class IntList {
        int[] data;
        int size;

        IntList(int capacity) {
            data = new int[Math.max(16, capacity)];
        }

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
