package dev.newswire.launcher.tagger;

import dev.newswire.tagger.Tagger;
import dev.newswire.tagger.eval.ConllFormat;
import dev.newswire.tagger.eval.Evaluation;
import dev.newswire.tagger.eval.EvaluationErrors;
import dev.newswire.tagger.eval.EvaluationSets;
import dev.newswire.tagger.eval.LabeledDocument;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.ner.FeatureExtractor;
import dev.newswire.tagger.ner.StatisticalTagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tag-eval --gold FILE}: tags a gold-annotated file and prints entity-level P/R/F1 like conlleval. */
@Command(name = "tag-eval", mixinStandardHelpOptions = true,
        description = "Score the tagger on gold CoNLL/IOB2 data: entity-level precision, recall, F1 per type.")
public final class TagEvalCommand implements Callable<Integer> {

    @Option(names = "--gold", description = "gold file (CoNLL-2003, WikiGold or UNER .iob2)")
    Path gold;

    @Option(names = "--sets", description = "instead of --gold: score on every 'development' set, or on those "
            + "and the 'test' sets (one table row per set; see EvaluationSets)")
    String sets;

    @picocli.CommandLine.Mixin
    FeatureTables tables = new FeatureTables();

    @Option(names = "--min-confidence", defaultValue = "0", description = "leave out entities the model is less sure "
            + "of (score margin; Tagger.tag uses entity.min.confidence of link/resolver.properties) (default: ${DEFAULT-VALUE})")
    float minConfidence;

    @Option(names = "--model", description = "a model file written by tag-train (default: the shipped model)")
    Path model;


    @Option(names = "--format", description = "conll or iob2 (default: iob2 for *.iob2 files, else conll)")
    String format;

    @Option(names = "--ignore-misc", description = "drop MISC from gold and predictions (UNER, WikiGold comparisons)")
    boolean ignoreMisc;

    @Option(names = "--errors", description = "with --gold: also write every mistake to this file, one tab-separated "
            + "line each (kind, gold entity, predicted entity, sentence), for error analysis")
    Path errors;

    @Option(names = "--docs", defaultValue = "all",
            description = "all, even or odd: score only documents with that index parity (default: ${DEFAULT-VALUE}); "
                    + "'odd' scores the WikiGold half tag-train --train-even-docs left unseen")
    String docsParity;

    @Override
    public Integer call() throws IOException {
        if ((gold == null) == (sets == null)) {
            throw new IllegalArgumentException("give either --gold FILE or --sets development|test");
        }
        if (sets != null) {
            Path ner = SharedDir.ner();
            List<EvaluationSets.GoldSet> all = new java.util.ArrayList<>(EvaluationSets.development(ner));
            if (sets.equals("test")) {
                all.addAll(EvaluationSets.test(ner));
            }
            Tagger tagger = tagger();
            System.out.print(EvaluationSets.report(all, d -> label(tagger, d)));
            return 0;
        }
        ConllFormat.Format f = format != null ? ConllFormat.Format.valueOf(format.toUpperCase(Locale.ROOT))
                : gold.toString().endsWith(".iob2") ? ConllFormat.Format.IOB2 : ConllFormat.Format.CONLL;
        List<LabeledDocument> all = ConllFormat.read(gold, f);
        List<LabeledDocument> docs = new java.util.ArrayList<>();
        for (int d = 0; d < all.size(); d++) {
            boolean even = d % 2 == 0;
            if (docsParity.equals("all") || docsParity.equals("even") == even) {
                docs.add(all.get(d));
            }
        }
        Tagger tagger = tagger();
        long tokens = docs.stream().mapToLong(d -> d.gold().length).sum();
        long t0 = System.nanoTime();
        List<int[]> predicted = new java.util.ArrayList<>(docs.size());
        Evaluation eval = new Evaluation(ignoreMisc);
        for (LabeledDocument d : docs) {
            int[] labels = label(tagger, d);
            predicted.add(labels);
            eval.add(d.gold(), labels);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d documents (%s), %d tokens%s%n", gold.getFileName(), docs.size(),
                docsParity, tokens, ignoreMisc ? ", MISC ignored" : "");
        System.out.print(eval.report());
        System.out.printf(Locale.ROOT, "tagged in %.2f s (single run, includes JIT warm-up)%n", seconds);
        if (errors != null) {
            writeErrors(docs, predicted);
        }
        return 0;
    }

    private void writeErrors(List<LabeledDocument> docs, List<int[]> predicted) throws IOException {
        java.util.Map<EvaluationErrors.Kind, Integer> counts = new java.util.EnumMap<>(EvaluationErrors.Kind.class);
        try (java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(errors)) {
            for (int k = 0; k < docs.size(); k++) {
                LabeledDocument d = docs.get(k);
                for (EvaluationErrors.Mistake m : EvaluationErrors.of(d.doc(), d.gold(), predicted.get(k), ignoreMisc)) {
                    out.write(m.line());
                    out.newLine();
                    counts.merge(m.kind(), 1, Integer::sum);
                }
            }
        }
        System.out.println("mistakes written to " + errors + ": " + counts);
    }

    private int[] label(Tagger tagger, LabeledDocument d) {
        return minConfidence <= 0 ? tagger.labelTokens(d.doc())
                : tagger.sequenceTagger().labelWithConfidence(d.doc()).labelsAtLeast(minConfidence);
    }

    private Tagger tagger() throws IOException {
        if (model == null && tables.shipped()) {
            return Tagger.load();
        }
        Gazetteer gazetteer = Gazetteer.load();
        FeatureExtractor extractor = tables.extractor(gazetteer);
        StatisticalTagger.Weights weights;
        if (model == null) {
            weights = StatisticalTagger.readShippedWeights();
        } else {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(model)) {
                weights = StatisticalTagger.readWeights(in);
            }
        }
        return Tagger.withSequenceTagger(gazetteer, StatisticalTagger.of(extractor, weights));
    }
}
