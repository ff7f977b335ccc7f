package dev.newswire.tagger.eval;

import dev.newswire.tagger.ner.Label;
import dev.newswire.tagger.ner.Span;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Entity-level scores like conlleval: a predicted entity counts only if its span and type match a gold
 * entity exactly. Optionally ignores MISC on both sides (for UNER and WikiGold comparisons).
 */
public final class Evaluation {

    private final int[] truePositives = new int[4];
    private final int[] predicted = new int[4];
    private final int[] gold = new int[4];
    private final boolean ignoreMisc;

    /** An empty tally. */
    public Evaluation(boolean ignoreMisc) {
        this.ignoreMisc = ignoreMisc;
    }

    /** Adds one document (or sentence) of gold and predicted labels. */
    public void add(int[] goldLabels, int[] predictedLabels) {
        Set<Span> goldSpans = new HashSet<>();
        for (Span s : Span.fromLabels(goldLabels)) {
            if (counted(s)) {
                goldSpans.add(s);
                gold[s.type()]++;
            }
        }
        for (Span s : Span.fromLabels(predictedLabels)) {
            if (counted(s)) {
                predicted[s.type()]++;
                if (goldSpans.contains(s)) {
                    truePositives[s.type()]++;
                }
            }
        }
    }

    private boolean counted(Span s) {
        return !(ignoreMisc && s.type() == 3);
    }

    /** Precision, recall and F1 of one type index, or of all types for -1. */
    public double[] prf(int type) {
        int tp = 0;
        int p = 0;
        int g = 0;
        for (int t = 0; t < 4; t++) {
            if (type < 0 || type == t) {
                tp += truePositives[t];
                p += predicted[t];
                g += gold[t];
            }
        }
        double precision = p == 0 ? 0 : (double) tp / p;
        double recall = g == 0 ? 0 : (double) tp / g;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[]{precision, recall, f1};
    }

    /** Overall F1. */
    public double f1() {
        return prf(-1)[2];
    }

    /** F1 of one type index. */
    public double f1(int type) {
        return prf(type)[2];
    }

    /** A conlleval-like table. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-8s %9s %9s %9s %7s %7s%n", "type", "precision", "recall", "F1", "gold", "pred"));
        for (int t = 0; t < 4; t++) {
            if (ignoreMisc && t == 3) {
                continue;
            }
            row(b, Label.typeName(t), prf(t), gold[t], predicted[t]);
        }
        int g = 0;
        int p = 0;
        for (int t = 0; t < 4; t++) {
            g += gold[t];
            p += predicted[t];
        }
        row(b, "overall", prf(-1), g, p);
        return b.toString();
    }

    private static void row(StringBuilder b, String name, double[] prf, int g, int p) {
        b.append(String.format(Locale.ROOT, "%-8s %9.4f %9.4f %9.4f %7d %7d%n", name, prf[0], prf[1], prf[2], g, p));
    }

    /** Scores a tagger on labelled documents. */
    public static Evaluation of(List<LabeledDocument> docs, java.util.function.Function<LabeledDocument, int[]> tagger,
                                boolean ignoreMisc) {
        Evaluation e = new Evaluation(ignoreMisc);
        for (LabeledDocument d : docs) {
            e.add(d.gold(), tagger.apply(d));
        }
        return e;
    }
}
