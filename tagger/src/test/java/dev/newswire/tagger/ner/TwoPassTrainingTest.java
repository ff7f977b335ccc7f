package dev.newswire.tagger.ner;

import dev.newswire.tagger.eval.LabeledDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoPassTrainingTest {

    private static LabeledDocument doc(String word) {
        return new LabeledDocument(NerDocument.of(List.of(List.of(word))), new int[] {Label.O}, true);
    }

    @Test
    void aDocumentPresentedTwiceStaysInOneJackknifeHalf() {
        LabeledDocument a = doc("a");
        LabeledDocument b = doc("b");
        LabeledDocument c = doc("c");
        // news presented twice, then one extra document: by list position, b's copies would fall in both halves
        Map<LabeledDocument, Boolean> inEven = TwoPassTraining.halves(List.of(a, b, c, a, b, c, doc("d")));
        assertEquals(4, inEven.size());
        assertTrue(inEven.get(a));
        assertFalse(inEven.get(b));
        assertTrue(inEven.get(c));
    }

    @Test
    void equalButDistinctDocumentsAlternate() {
        LabeledDocument first = doc("same");
        LabeledDocument second = doc("same");
        Map<LabeledDocument, Boolean> inEven = TwoPassTraining.halves(List.of(first, second));
        assertTrue(inEven.get(first));
        assertFalse(inEven.get(second));
    }
}
