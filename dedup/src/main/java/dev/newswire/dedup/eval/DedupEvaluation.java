package dev.newswire.dedup.eval;

import dev.newswire.dedup.DedupSettings;
import dev.newswire.dedup.InMemorySketchStore;
import dev.newswire.dedup.StoryAssigner;
import dev.newswire.dedup.StoryDecision;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the duplicate decision on labelled pairs: for each pair, a fresh index sees the first text, then the
 * second; the pair is called a duplicate when the second joins the first one's story. The full path runs (exact
 * fingerprint, LSH candidates, the duplicate rule), so a pair LSH misses counts as a miss.
 */
public final class DedupEvaluation {

    /** Counts for one kind of pair. */
    public static final class Counts {
        public int pairs;
        public int calledDuplicate;

        double rate() {
            return pairs == 0 ? 0 : (double) calledDuplicate / pairs;
        }
    }

    /**
     * The result.
     *
     * @param truePositives  copies called duplicates
     * @param falseNegatives copies missed
     * @param falsePositives different stories called duplicates
     * @param trueNegatives  different stories kept apart
     * @param byKind         per pair kind: how many, how many called duplicates
     */
    public record Result(int truePositives, int falseNegatives, int falsePositives, int trueNegatives,
                         Map<String, Counts> byKind) {

        public double precision() {
            int called = truePositives + falsePositives;
            return called == 0 ? 1 : (double) truePositives / called;
        }

        public double recall() {
            int positives = truePositives + falseNegatives;
            return positives == 0 ? 1 : (double) truePositives / positives;
        }

        /** A readable report: totals, then one line per kind. */
        public String report() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "precision %.4f  recall %.4f  (TP %d, FN %d, FP %d, TN %d)%n", precision(), recall(),
                    truePositives, falseNegatives, falsePositives, trueNegatives));
            byKind.forEach((k, c) -> sb.append(String.format(Locale.ROOT, "  %-22s %5d pairs, called duplicate %5d (%.1f%%)%n",
                    k, c.pairs, c.calledDuplicate, 100 * c.rate())));
            return sb.toString();
        }
    }

    private DedupEvaluation() {
    }

    /**
     * One shared index, as in production: every story is seen first, then every copy of every kind; a copy is right
     * when it joins its own story, wrong when it joins another one, missed when it starts a new story.
     *
     * @return copies right, wrong and missed, per kind
     */
    public static Map<String, int[]> runIndexed(List<StoryCorpus.Story> corpus, long seed, DedupSettings settings) {
        List<StoryCorpus.Story> stories = LabelledPairs.eligible(corpus);
        StoryAssigner assigner = new StoryAssigner(settings, new InMemorySketchStore());
        long clock = 0;
        for (StoryCorpus.Story s : stories) {
            assigner.assign(s.id(), s.text(), clock++);
        }
        java.util.Random random = new java.util.Random(seed);
        Map<String, int[]> out = new TreeMap<>();
        for (Variants.Kind kind : Variants.Kind.values()) {
            int[] rightWrongMissed = new int[3];
            for (StoryCorpus.Story s : stories) {
                StoryDecision d = assigner.assign(s.id() + "-" + kind, Variants.copy(s.text(), kind, random), clock++);
                if (d.duplicateOf() == null) {
                    rightWrongMissed[2]++;
                } else if (d.storyId().equals(s.id())) {
                    rightWrongMissed[0]++;
                } else {
                    rightWrongMissed[1]++;
                }
            }
            out.put(kind.name(), rightWrongMissed);
        }
        return out;
    }

    /** The result of {@link #runIndexed} as text. */
    public static String reportIndexed(Map<String, int[]> result) {
        StringBuilder sb = new StringBuilder("one shared index (every story, then every copy):\n");
        result.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-22s joined its story %4d, another story %3d, missed %3d%n",
                k, v[0], v[1], v[2])));
        return sb.toString();
    }

    /** Runs every pair through a fresh assigner with {@code settings}. */
    public static Result run(List<LabelledPairs.Pair> pairs, DedupSettings settings) {
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int tn = 0;
        Map<String, Counts> byKind = new TreeMap<>();
        for (LabelledPairs.Pair p : pairs) {
            StoryAssigner assigner = new StoryAssigner(settings, new InMemorySketchStore());
            assigner.assign("first", p.first(), 0);
            StoryDecision d = assigner.assign("second", p.second(), 1);
            boolean called = "first".equals(d.duplicateOf());
            Counts c = byKind.computeIfAbsent((p.duplicate() ? "copy " : "different ") + p.kind(), k -> new Counts());
            c.pairs++;
            if (called) {
                c.calledDuplicate++;
            }
            if (p.duplicate()) {
                if (called) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (called) {
                fp++;
            } else {
                tn++;
            }
        }
        return new Result(tp, fn, fp, tn, byKind);
    }
}
