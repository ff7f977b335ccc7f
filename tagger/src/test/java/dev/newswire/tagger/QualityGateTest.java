package dev.newswire.tagger;

import dev.newswire.shareddata.SharedData;
import dev.newswire.tagger.eval.Evaluation;
import dev.newswire.tagger.eval.EvaluationSets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fails when the shipped model scores below pinned floors, a little under what it measured when committed
 * (see tagger/README.md), on every gold set it was not trained on: WikiGold's odd documents, the Broad Twitter
 * Corpus (first half of section H, and section F) and WNUT-17 (dev and test), and UNER EWT test, with MISC ignored.
 * (CoNLL-2003 train and dev, UNER EWT dev and train, CrossNER, WikiGold's even documents and the Broad Twitter Corpus
 * sections A, B, E and G are trained on.) The CoNLL-2003 dev split is checked in-sample: a broken feature, table or
 * model file shows there at once; how well news the model has not seen is tagged is measured by the development
 * protocol ({@code tagger/scripts/train-model.sh --held-out}), which keeps the dev split out of training.
 */
class QualityGateTest {

    // in-sample floors for the CoNLL dev split (the shipped model scores 0.999 on it)
    private static final double FLOOR_CONLL_IN_SAMPLE = 0.990;
    private static final double FLOOR_CONLL_TYPE_IN_SAMPLE = 0.985;
    // floors: about 0.007 under the shipped model's figures (seeds move them by about that much)
    private static final double FLOOR_WIKIGOLD = 0.765;
    private static final double FLOOR_UNER_TEST = 0.767;
    private static final double FLOOR_BTC_H = 0.461;
    private static final double FLOOR_BTC_F = 0.614;
    private static final double FLOOR_WNUT_DEV = 0.524;
    private static final double FLOOR_WNUT_TEST = 0.460;

    private static final Map<String, Evaluation> SCORES = new LinkedHashMap<>();

    @BeforeAll
    static void score() throws Exception {
        Tagger tagger = Tagger.load();
        List<EvaluationSets.GoldSet> sets = new ArrayList<>(EvaluationSets.development(SharedData.require("datasets/ner")));
        sets.addAll(EvaluationSets.test(SharedData.require("datasets/ner")));
        for (EvaluationSets.GoldSet set : sets) {
            SCORES.put(set.name(), Evaluation.of(set.docs(), d -> tagger.labelTokens(d.doc()), set.ignoreMisc()));
        }
        System.out.print(EvaluationSets.report(sets, d -> tagger.labelTokens(d.doc())));
    }

    private static void atLeast(double floor, String set, int type) {
        double actual = SCORES.get(set).f1(type);
        String what = set + " " + (type < 0 ? "overall" : List.of("PER", "LOC", "ORG", "MISC").get(type));
        assertTrue(actual >= floor, what + " F1 " + actual + " fell below the pinned floor " + floor);
    }

    @Test
    void conllDevSplitInSample() {
        atLeast(FLOOR_CONLL_IN_SAMPLE, "conll-dev", -1);
        for (int type = 0; type < 4; type++) {
            atLeast(FLOOR_CONLL_TYPE_IN_SAMPLE, "conll-dev", type);
        }
    }

    @Test
    void encyclopediaAndWebText() {
        atLeast(FLOOR_WIKIGOLD, "wikigold-odd", -1);
        atLeast(FLOOR_UNER_TEST, "uner-test", -1);
    }

    @Test
    void tweetsAndUserPosts() {
        atLeast(FLOOR_BTC_H, "btc-h-first", -1);
        atLeast(FLOOR_BTC_F, "btc-f", -1);
        atLeast(FLOOR_WNUT_DEV, "wnut-dev", -1);
        atLeast(FLOOR_WNUT_TEST, "wnut-test", -1);
    }
}
