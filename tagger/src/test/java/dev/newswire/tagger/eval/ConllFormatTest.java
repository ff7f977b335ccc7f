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
    void readsCrossNerSentencesAsDocumentsWithPeoplePlacesAndOrganisationsOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dev.txt");
        Files.writeString(file, "Diefenbaker\tB-politician\nled\tO\nthe\tO\nProgressive\tB-politicalparty\n"
                + "Conservatives\tI-politicalparty\n\nIn\tO\nAustralia\tB-country\n,\tO\nthe\tO\n"
                + "1992\tB-election\nelection\tI-election\nat\tO\nOxford\tB-university\n\n");
        List<LabeledDocument> docs = ConllFormat.read(file, ConllFormat.Format.CROSSNER);
        assertEquals(2, docs.size(), "each sentence is a document");
        assertFalse(docs.get(1).hasMisc(), "its other types are not CoNLL's MISC: their tokens may be O or MISC");
        assertArrayEquals(new int[]{Label.begin(0), Label.O, Label.O, Label.begin(2), Label.inside(2)}, docs.get(0).gold());
        assertArrayEquals(new int[]{Label.O, Label.begin(1), Label.O, Label.O, Label.O, Label.O, Label.O, Label.begin(2)},
                docs.get(1).gold());
    }

    @Test
    void readsTweetsAndMapsWnutTypes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.conll");
        // WNUT-17: a blank line may carry a tab; group is ORG, product is MISC
        Files.writeString(file, "Met\tO\nRadiohead\tB-group\n\t\niPhone\tB-product\nin\tO\nParis\tB-location\n\n");
        List<LabeledDocument> docs = ConllFormat.read(file, ConllFormat.Format.TOKENS);
        assertEquals(2, docs.size(), "each post is a document");
        assertArrayEquals(new int[]{Label.O, Label.begin(2)}, docs.get(0).gold());
        assertArrayEquals(new int[]{Label.begin(3), Label.O, Label.begin(1)}, docs.get(1).gold());
        assertArrayEquals(new int[]{Label.O, Label.O, Label.begin(1)}, docs.get(1).withoutMisc().gold());
    }

    @Test
    void userHandlesAreOneTokenOutsideTheScoring(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("btc.conll");
        // BTC marks "@" and the handle as two entities; the name after them stays an entity
        Files.writeString(file, "@\tB-PER\nTheory_Versa\tB-PER\nmeets\tO\nYasiel\tB-PER\nPuig\tI-PER\n\n");
        List<LabeledDocument> docs = EvaluationSets.tweets(file);
        assertEquals(List.of("@Theory_Versa", "meets", "Yasiel", "Puig"), List.of(docs.get(0).doc().words()));
        assertArrayEquals(new int[]{Label.O, Label.O, Label.begin(0), Label.inside(0)}, docs.get(0).gold());
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
