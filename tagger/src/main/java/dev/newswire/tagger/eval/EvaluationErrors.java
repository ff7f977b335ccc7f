package dev.newswire.tagger.eval;

import dev.newswire.tagger.ner.Label;
import dev.newswire.tagger.ner.NerDocument;
import dev.newswire.tagger.ner.Span;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mistakes behind an {@link Evaluation}, one line each, for error analysis: every gold entity the tagger
 * did not find exactly and every predicted entity that is not a gold one, classed as a wrong type (same span),
 * a wrong span (overlapping a gold entity of the same type), both, a missed entity or a spurious one.
 */
public final class EvaluationErrors {

    /** What went wrong with one entity. */
    public enum Kind { WRONG_TYPE, WRONG_SPAN, WRONG_SPAN_AND_TYPE, MISSED, SPURIOUS }

    /**
     * One mistake.
     *
     * @param kind      what went wrong
     * @param gold      the gold entity's words and type ("" when spurious)
     * @param predicted the predicted entity's words and type ("" when missed)
     * @param context   the sentence, the entity in [brackets] (the gold one, else the predicted one)
     */
    public record Mistake(Kind kind, String gold, String predicted, String context) {
        /** One tab-separated line. */
        public String line() {
            return kind + "\t" + gold + "\t" + predicted + "\t" + context;
        }
    }

    private EvaluationErrors() {
    }

    /** The mistakes in one document: those of gold entities in text order, then the spurious predictions in text order. */
    public static List<Mistake> of(NerDocument doc, int[] goldLabels, int[] predictedLabels, boolean ignoreMisc) {
        List<Span> gold = counted(Span.fromLabels(goldLabels), ignoreMisc);
        List<Span> predicted = counted(Span.fromLabels(predictedLabels), ignoreMisc);
        Set<Span> goldSet = new HashSet<>(gold);
        List<Mistake> mistakes = new ArrayList<>();
        List<Span> explained = new ArrayList<>();
        for (Span g : gold) {
            if (predicted.contains(g)) {
                continue;
            }
            Span overlap = predicted.stream().filter(p -> overlaps(p, g) && !goldSet.contains(p)).findFirst().orElse(null);
            Kind kind;
            if (overlap == null) {
                kind = Kind.MISSED;
            } else {
                explained.add(overlap);
                boolean sameSpan = overlap.start() == g.start() && overlap.end() == g.end();
                kind = sameSpan ? Kind.WRONG_TYPE : overlap.type() == g.type() ? Kind.WRONG_SPAN : Kind.WRONG_SPAN_AND_TYPE;
            }
            mistakes.add(new Mistake(kind, describe(doc, g), overlap == null ? "" : describe(doc, overlap), context(doc, g)));
        }
        for (Span p : predicted) {
            if (!goldSet.contains(p) && !explained.contains(p)) {
                mistakes.add(new Mistake(Kind.SPURIOUS, "", describe(doc, p), context(doc, p)));
            }
        }
        return mistakes;
    }

    private static List<Span> counted(List<Span> spans, boolean ignoreMisc) {
        return ignoreMisc ? spans.stream().filter(s -> s.type() != 3).toList() : spans;
    }

    private static boolean overlaps(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    private static String describe(NerDocument doc, Span s) {
        return String.join(" ", java.util.Arrays.copyOfRange(doc.words(), s.start(), s.end())) + "/" + Label.typeName(s.type());
    }

    /** The sentence holding the span, the span in brackets. */
    private static String context(NerDocument doc, Span s) {
        int[] starts = doc.sentenceStarts();
        int sentence = 0;
        while (sentence + 1 < starts.length && starts[sentence + 1] <= s.start()) {
            sentence++;
        }
        StringBuilder b = new StringBuilder();
        for (int i = starts[sentence]; i < doc.sentenceEnd(sentence); i++) {
            if (i > starts[sentence]) {
                b.append(' ');
            }
            if (i == s.start()) {
                b.append('[');
            }
            b.append(doc.words()[i]);
            if (i == s.end() - 1) {
                b.append(']');
            }
        }
        return b.toString();
    }
}
