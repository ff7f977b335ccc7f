package dev.newswire.tagger.cli;

import dev.newswire.tagger.Tagger;
import dev.newswire.tagger.eval.ConllFormat;
import dev.newswire.tagger.eval.Evaluation;
import dev.newswire.tagger.eval.LabeledDocument;
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

    @Option(names = "--gold", required = true, description = "gold file (CoNLL-2003, WikiGold or UNER .iob2)")
    Path gold;

    @Option(names = "--format", description = "conll or iob2 (default: iob2 for *.iob2 files, else conll)")
    String format;

    @Option(names = "--ignore-misc", description = "drop MISC from gold and predictions (UNER, WikiGold comparisons)")
    boolean ignoreMisc;

    @Option(names = "--docs", defaultValue = "all",
            description = "all, even or odd: score only documents with that index parity (default: ${DEFAULT-VALUE}); "
                    + "'odd' scores the WikiGold half tag-train --train-even-docs left unseen")
    String docsParity;

    @Override
    public Integer call() throws IOException {
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
        Tagger tagger = Tagger.load();
        long tokens = docs.stream().mapToLong(d -> d.gold().length).sum();
        long t0 = System.nanoTime();
        Evaluation eval = Evaluation.of(docs, d -> tagger.labelTokens(d.doc()), ignoreMisc);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d documents (%s), %d tokens%s%n", gold.getFileName(), docs.size(),
                docsParity, tokens, ignoreMisc ? ", MISC ignored" : "");
        System.out.print(eval.report());
        System.out.printf(Locale.ROOT, "tagged in %.2f s (single run, includes JIT warm-up)%n", seconds);
        return 0;
    }
}
