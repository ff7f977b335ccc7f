package dev.newswire.tagger.eval;

import dev.newswire.tagger.ner.Label;
import dev.newswire.tagger.ner.NerDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluationErrorsTest {

    private static final int PER = 0;
    private static final int LOC = 1;
    private static final int ORG = 2;

    @Test
    void classesEveryMistakeOnceAndLeavesHitsOut() {
        NerDocument doc = NerDocument.of(List.of(
                List.of("Kim", "Jong", "Un", "met", "Putin", "in", "Vladivostok", "near", "the", "Amur", "River", ".")));
        int[] gold = labels(11, new int[][]{{0, 3, PER}, {4, 5, PER}, {6, 7, LOC}, {9, 11, LOC}});
        // Kim Jong Un right; Putin as an organisation; Vladivostok missed; "the Amur" with a wrong span; "met" spurious
        int[] predicted = labels(11, new int[][]{{0, 3, PER}, {3, 4, ORG}, {4, 5, ORG}, {8, 10, LOC}});
        List<EvaluationErrors.Mistake> mistakes = EvaluationErrors.of(doc, gold, predicted, false);
        assertEquals(List.of(EvaluationErrors.Kind.WRONG_TYPE, EvaluationErrors.Kind.MISSED,
                EvaluationErrors.Kind.WRONG_SPAN, EvaluationErrors.Kind.SPURIOUS),
                mistakes.stream().map(EvaluationErrors.Mistake::kind).toList());
        assertEquals("Putin/PER", mistakes.get(0).gold());
        assertEquals("Putin/ORG", mistakes.get(0).predicted());
        assertEquals("the Amur/LOC", mistakes.get(2).predicted());
        assertEquals("Kim Jong Un met Putin in [Vladivostok] near the Amur River .", mistakes.get(1).context());
        assertEquals("met/ORG", mistakes.get(3).predicted());
    }

    private static int[] labels(int length, int[][] spans) {
        int[] labels = new int[length];
        for (int[] s : spans) {
            labels[s[0]] = Label.begin(s[2]);
            for (int i = s[0] + 1; i < s[1]; i++) {
                labels[i] = Label.inside(s[2]);
            }
        }
        return labels;
    }
}
