package dev.newswire.tagger.eval;

import dev.newswire.tagger.ner.Label;
import dev.newswire.tagger.ner.NerDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The gold sets the tagger is judged on, across genres, in two groups:
 * <ul>
 *   <li><b>development</b> sets, which decide features and training data: the CoNLL-2003 dev split (news,
 *       four types), the odd documents of UNER EWT dev (web text), WikiGold's odd documents (encyclopedia),
 *       the first half of the Broad Twitter Corpus section H (tweets) and WNUT-17 dev (user posts, rare
 *       names). None of them is trained on when a model is trained with {@link #HELD_OUT} documents;</li>
 *   <li><b>test</b> sets, read only to report a model chosen on the development sets: UNER EWT test, BTC
 *       section F (the corpus authors' test set) and WNUT-17 test.</li>
 * </ul>
 * Outside CoNLL, MISC is ignored: those annotations have no MISC (or a different one).
 */
public final class EvaluationSets {

    /** Whether the odd UNER EWT dev documents are kept out of training (the development protocol). */
    public static final boolean HELD_OUT = true;

    /**
     * A named gold set.
     *
     * @param name       short name for tables
     * @param docs       its documents
     * @param ignoreMisc whether MISC is dropped from gold and predictions
     */
    public record GoldSet(String name, List<LabeledDocument> docs, boolean ignoreMisc) {
    }

    private EvaluationSets() {
    }

    /** The development sets under {@code shared/datasets/ner}. */
    public static List<GoldSet> development(Path ner) throws IOException {
        List<LabeledDocument> btcH = tweets(ner.resolve("btc/h.conll"));
        return List.of(
                new GoldSet("conll-dev", ConllFormat.read(ner.resolve("conll2003/eng.testa"), ConllFormat.Format.CONLL), false),
                new GoldSet("uner-dev-odd", odd(ConllFormat.read(ner.resolve("uner-en/en_ewt-ud-dev.iob2"), ConllFormat.Format.IOB2)), true),
                new GoldSet("wikigold-odd", odd(ConllFormat.read(ner.resolve("wikigold/wikigold.conll.txt"), ConllFormat.Format.CONLL)), true),
                new GoldSet("btc-h-first", btcH.subList(0, btcH.size() / 2), true),
                new GoldSet("wnut-dev", ConllFormat.read(ner.resolve("wnut17/emerging.dev.conll"), ConllFormat.Format.TOKENS), true));
    }

    /** The test sets under {@code shared/datasets/ner}: report only, never decide on them. */
    public static List<GoldSet> test(Path ner) throws IOException {
        return List.of(
                new GoldSet("uner-test", ConllFormat.read(ner.resolve("uner-en/en_ewt-ud-test.iob2"), ConllFormat.Format.IOB2), true),
                new GoldSet("btc-f", tweets(ner.resolve("btc/f.conll")), true),
                new GoldSet("wnut-test", ConllFormat.read(ner.resolve("wnut17/emerging.test.annotated"), ConllFormat.Format.TOKENS), true));
    }

    /**
     * Broad Twitter Corpus posts with user handles taken out of the scoring: BTC marks "@" and the handle after it
     * as two entities ("@" B-PER, "Theory_Versa" B-PER), which no news text contains; each handle becomes one
     * token "@Theory_Versa" labelled O. Hashtags stay ("#Russia" is a place).
     */
    public static List<LabeledDocument> tweets(Path file) throws IOException {
        List<LabeledDocument> out = new ArrayList<>();
        for (LabeledDocument d : ConllFormat.read(file, ConllFormat.Format.TOKENS)) {
            String[] words = d.doc().words();
            List<String> kept = new ArrayList<>(words.length);
            List<Integer> labels = new ArrayList<>(words.length);
            for (int i = 0; i < words.length; i++) {
                if (words[i].equals("@") && i + 1 < words.length) {
                    kept.add("@" + words[++i]);
                    labels.add(Label.O);
                } else {
                    kept.add(words[i]);
                    labels.add(d.gold()[i]);
                }
            }
            int[] gold = labels.stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < gold.length; i++) {
                // an entity that lost its first token to a handle now starts here
                if (gold[i] != Label.O && !Label.isBegin(gold[i]) && (i == 0 || Label.type(gold[i - 1]) != Label.type(gold[i]))) {
                    gold[i] = Label.begin(Label.type(gold[i]));
                }
            }
            out.add(new LabeledDocument(NerDocument.of(List.of(kept)), gold, d.hasMisc()));
        }
        return out;
    }

    /** Documents with an even index (0, 2, 4, ...). */
    public static <T> List<T> even(List<T> docs) {
        return parity(docs, 0);
    }

    /** Documents with an odd index (1, 3, 5, ...). */
    public static <T> List<T> odd(List<T> docs) {
        return parity(docs, 1);
    }

    private static <T> List<T> parity(List<T> docs, int parity) {
        List<T> out = new ArrayList<>();
        for (int d = parity; d < docs.size(); d += 2) {
            out.add(docs.get(d));
        }
        return out;
    }

    /** One table row per set: overall F1 (P, R) and F1 per type, tagged by {@code labeller}. */
    public static String report(List<GoldSet> sets, Function<LabeledDocument, int[]> labeller) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-13s %6s %6s %6s | %6s %6s %6s %6s%n",
                "set", "F1", "P", "R", "PER", "LOC", "ORG", "MISC"));
        for (GoldSet set : sets) {
            Evaluation e = Evaluation.of(set.docs(), labeller, set.ignoreMisc());
            double[] all = e.prf(-1);
            out.append(String.format(Locale.ROOT, "%-13s %6.4f %6.4f %6.4f | %6.4f %6.4f %6.4f %6s%n", set.name(),
                    all[2], all[0], all[1], e.f1(0), e.f1(1), e.f1(2),
                    set.ignoreMisc() ? "-" : String.format(Locale.ROOT, "%.4f", e.f1(3))));
        }
        return out.toString();
    }
}
