package dev.newswire.tagger.eval;

import dev.newswire.tagger.ner.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ConllFormatTest {

    @Test
    void iob1IsReadAsIob2() {
        // CoNLL-2003: I- opens an entity unless it continues one of its type; B- only splits adjacent ones
        int[] labels = ConllFormat.toIob2(List.of("I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"));
        assertArrayEquals(new int[]{Label.begin(0), Label.inside(0), Label.begin(0), Label.O, Label.begin(1), Label.begin(2)}, labels);
    }

    @Test
    void readsDocumentsSentencesAndLastColumnTags(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.conll");
        Files.writeString(file, "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP I-PER\n"
                + "Blackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBonn NNP B-NP I-LOC\n");
        List<LabeledDocument> docs = ConllFormat.read(file, ConllFormat.Format.CONLL);
        assertEquals(2, docs.size());
        assertEquals(List.of("EU", "rejects", "Peter", "Blackburn"), List.of(docs.get(0).doc().words()));
        assertArrayEquals(new int[]{0, 2}, docs.get(0).doc().sentenceStarts());
        assertArrayEquals(new int[]{Label.begin(2), Label.O, Label.begin(0), Label.inside(0)}, docs.get(0).gold());
    }

    @Test
    void readsUniversalNerWithoutMisc(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.iob2");
        Files.writeString(file, "# newdoc id = a\n# sent_id = 1\n# text = Bush went\n1\tBush\tB-PER\t-\tx\n2\twent\tO\t-\tx\n\n");
        List<LabeledDocument> docs = ConllFormat.read(file, ConllFormat.Format.IOB2);
        assertEquals(1, docs.size());
        assertFalse(docs.get(0).hasMisc());
        assertArrayEquals(new int[]{Label.begin(0), Label.O}, docs.get(0).gold());
    }

    @Test
    void entityLevelScoresNeedExactSpanAndType() {
        Evaluation e = new Evaluation(false);
        int[] gold = {Label.begin(0), Label.inside(0), Label.O, Label.begin(1)};
        int[] pred = {Label.begin(0), Label.O, Label.O, Label.begin(1)};
        e.add(gold, pred);
        double[] prf = e.prf(-1);
        assertEquals(0.5, prf[0], 1e-9);
        assertEquals(0.5, prf[1], 1e-9);
        assertEquals(1.0, e.f1(1), 1e-9);
        assertEquals(0.0, e.f1(0), 1e-9);
    }
}
