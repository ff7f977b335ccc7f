package dev.newswire.tagger.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity mention as a token range with a type index (0 PER, 1 LOC, 2 ORG, 3 MISC).
 *
 * @param start first token (inclusive)
 * @param end   after the last token (exclusive)
 * @param type  type index, see {@link Label}
 */
public record Span(int start, int end, int type) {

    /** Reads spans from IOB2 labels; an I- label without a matching open span starts one (lenient, like conlleval). */
    public static List<Span> fromLabels(int[] labels) {
        List<Span> spans = new ArrayList<>();
        int start = -1;
        int type = -1;
        for (int i = 0; i <= labels.length; i++) {
            int label = i < labels.length ? labels[i] : Label.O;
            int t = Label.type(label);
            boolean continues = t >= 0 && t == type && !Label.isBegin(label);
            if (!continues) {
                if (start >= 0) {
                    spans.add(new Span(start, i, type));
                }
                start = t >= 0 ? i : -1;
                type = t;
            }
        }
        return spans;
    }

    /** Writes spans as IOB2 labels over {@code length} tokens. */
    public static int[] toLabels(List<Span> spans, int length) {
        int[] labels = new int[length];
        for (Span s : spans) {
            labels[s.start()] = Label.begin(s.type());
            for (int i = s.start() + 1; i < s.end(); i++) {
                labels[i] = Label.inside(s.type());
            }
        }
        return labels;
    }
}
