package dev.newswire.launcher.tagger;

import dev.newswire.tagger.Tagger;
import dev.newswire.tagger.eval.ConllFormat;
import dev.newswire.tagger.eval.Evaluation;
import dev.newswire.tagger.eval.EvaluationSets;
import dev.newswire.tagger.eval.LabeledDocument;
import dev.newswire.tagger.gazetteer.Gazetteer;
import dev.newswire.tagger.ner.FeatureExtractor;
import dev.newswire.tagger.ner.PerceptronTrainer;
import dev.newswire.tagger.ner.StatisticalTagger;
import dev.newswire.tagger.ner.TwoPassTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code tag-train}: rebuilds the NER model from the shared datasets and writes it where
 * {@link Tagger#load()} finds it. Run from the project root; takes a few minutes on one core.
 */
@Command(name = "tag-train", mixinStandardHelpOptions = true,
        description = "Train the NER model (averaged structured perceptron, two passes) from CoNLL-2003 and UNER data.")
public final class TagTrainCommand implements Callable<Integer> {

    @Option(names = "--train", description = "CoNLL-format training files (default: CoNLL-2003 eng.train and, unless "
            + "--held-out, its dev split eng.testa: the shipped model learns from all the news there is, and the "
            + "development protocol keeps the dev split unseen)")
    List<Path> train;

    @Option(names = "--train-iob2", description = "UNER .iob2 training files (PER/LOC/ORG only; their O may be MISC); "
            + "default: UNER EWT dev and train")
    List<Path> trainIob2;

    @Option(names = "--uner-train", defaultValue = "data/ner/en_ewt-ud-train.iob2",
            description = "the UNER EWT train split, which the shared data lacks (over its copy's size limit); "
                    + "tagger/scripts/fetch-uner-train.sh puts it here (default: ${DEFAULT-VALUE})")
    Path unerTrain;

    @Option(names = "--without-uner-train", description = "train without the UNER EWT train split")
    boolean withoutUnerTrain;

    @Option(names = "--crossner", defaultValue = "data/ner/crossner",
            description = "CrossNER's Wikipedia sentences (politics, science, music, literature, AI; every *.txt below "
                    + "the folder, read as PER/LOC/ORG); tagger/scripts/fetch-crossner.sh puts them here "
                    + "(default: ${DEFAULT-VALUE})")
    Path crossNer;

    @Option(names = "--without-crossner", description = "train without CrossNER")
    boolean withoutCrossNer;

    @Option(names = "--train-even-docs", description = "CoNLL-format files of which only the even-numbered documents "
            + "(0, 2, 4, ...) are trained on, keeping the odd ones unseen for tag-eval --docs odd; default: WikiGold")
    List<Path> trainEvenDocs;

    @Option(names = "--train-tokens", description = "TOKEN TAG files (Broad Twitter Corpus, WNUT-17) to train on as "
            + "PER/LOC/ORG annotation (their MISC dropped, their O may be MISC; user handles as one O token); "
            + "default: the Broad Twitter Corpus sections A, B, E and G (F is its test set, H a development set)")
    List<Path> trainTokens;

    @Option(names = "--without-tweets", description = "train on no --train-tokens files (not even the default ones)")
    boolean withoutTweets;

    @Option(names = "--conll-only", description = "train on CoNLL-2003 alone: no UNER, no WikiGold, no tweets")
    boolean conllOnly;

    @Option(names = "--repeat-news", defaultValue = "3",
            description = "present the --train (news) documents this many times per epoch, so that the web text of "
                    + "UNER EWT train (as large as CoNLL-2003's train split) and CrossNER do not outweigh news "
                    + "(default: ${DEFAULT-VALUE})")
    int repeatNews;

    @Option(names = "--repeat-extra", defaultValue = "1",
            description = "present the --train-iob2 and --train-even-docs documents this many times per epoch, "
                    + "so the small out-of-genre sets weigh more beside CoNLL (default: ${DEFAULT-VALUE})")
    int repeatExtra;

    @Option(names = "--dev", description = "CoNLL-format file to report progress on (default: eng.testa, trained on unless --held-out)")
    Path dev;

    @Option(names = "--epochs", defaultValue = "12", description = "passes over the data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seed", defaultValue = "11,7,20031", split = ",",
            description = "shuffling seed; several (comma-separated) train one model per seed and write their mean, "
                    + "an ensemble as fast as one model (default: ${DEFAULT-VALUE})")
    List<Long> seeds;

    @Option(names = "--min-weight", defaultValue = "1",
            description = "drop features whose mean weights are all smaller; 1 drops about half of them and scores as well "
                    + "or better on the development sets than 0.05 (default: ${DEFAULT-VALUE})")
    float minWeight;

    @Option(names = "--one-pass", description = "train only the first pass")
    boolean onePass;

    @picocli.CommandLine.Mixin
    FeatureTables tables = new FeatureTables();

    @Option(names = "--held-out", description = "development protocol: train without the CoNLL-2003 dev split and on the "
            + "even UNER EWT dev documents only (and the whole of every other training file), so that the dev split and "
            + "UNER's odd dev documents stay unseen for the development report")
    boolean heldOut;

    @Option(names = "--report", defaultValue = "development",
            description = "after training, score the model on the 'development' sets, on the 'test' sets too "
                    + "(report only, never decide on them), or 'none' (default: ${DEFAULT-VALUE})")
    String report;

    @Option(names = "--output", defaultValue = "tagger/src/main/resources/dev/newswire/tagger/model/ner-model.bin.gz",
            description = "model file to write (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<LabeledDocument> news = new ArrayList<>();
        if (train == null) {
            train = heldOut || conllOnly ? List.of(SharedDir.conll("eng.train"))
                    : List.of(SharedDir.conll("eng.train"), SharedDir.conll("eng.testa"));
        }
        for (Path p : train) {
            news.addAll(ConllFormat.read(p, ConllFormat.Format.CONLL));
        }
        List<LabeledDocument> trainDocs = new ArrayList<>();
        for (int r = 0; r < repeatNews; r++) {
            trainDocs.addAll(news);
        }
        Path ner = SharedDir.ner();
        Path unerDev = ner.resolve("uner-en/en_ewt-ud-dev.iob2");
        if (trainIob2 == null) {
            trainIob2 = conllOnly ? List.of() : withoutUnerTrain ? List.of(unerDev) : List.of(unerDev, unerTrain);
        }
        for (Path p : trainIob2) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no training file " + p + (p.equals(unerTrain)
                        ? ": run tagger/scripts/fetch-uner-train.sh, or train --without-uner-train" : ""));
            }
        }
        if (trainEvenDocs == null) {
            trainEvenDocs = conllOnly ? List.of() : List.of(ner.resolve("wikigold/wikigold.conll.txt"));
        }
        List<LabeledDocument> extra = new ArrayList<>();
        for (Path p : trainEvenDocs) {
            List<LabeledDocument> docs = ConllFormat.read(p, ConllFormat.Format.CONLL);
            for (int d = 0; d < docs.size(); d += 2) {
                extra.add(docs.get(d));
            }
        }
        for (Path p : trainIob2) {
            List<LabeledDocument> docs = ConllFormat.read(p, ConllFormat.Format.IOB2);
            extra.addAll(heldOut && Files.isSameFile(p, unerDev) ? EvaluationSets.even(docs) : docs);
        }
        if (!conllOnly && !withoutCrossNer) {
            if (!Files.isDirectory(crossNer)) {
                throw new IllegalArgumentException("no CrossNER folder " + crossNer
                        + ": run tagger/scripts/fetch-crossner.sh, or train --without-crossner");
            }
            try (Stream<Path> files = Files.walk(crossNer)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    extra.addAll(ConllFormat.read(p, ConllFormat.Format.CROSSNER));
                }
            }
        }
        if (trainTokens == null) {
            trainTokens = conllOnly || withoutTweets ? List.of()
                    : Stream.of("a", "b", "e", "g").map(s -> ner.resolve("btc/" + s + ".conll")).toList();
        } else if (withoutTweets) {
            trainTokens = List.of();
        }
        for (Path p : trainTokens) {
            EvaluationSets.tweets(p).forEach(d -> extra.add(d.withoutMisc()));
        }
        for (int r = 0; r < repeatExtra; r++) {
            trainDocs.addAll(extra);
        }
        Path devPath = dev != null ? dev : SharedDir.conll("eng.testa");
        List<LabeledDocument> devDocs = ConllFormat.read(devPath, ConllFormat.Format.CONLL);
        Gazetteer gazetteer = Gazetteer.load();
        FeatureExtractor extractor = tables.extractor(gazetteer);
        long t0 = System.nanoTime();
        List<StatisticalTagger> models = new ArrayList<>();
        for (long seed : seeds) {
            models.add(TwoPassTraining.train(extractor, trainDocs, devDocs,
                    new PerceptronTrainer.Options(epochs, seed, minWeight), !onePass, System.out));
        }
        StatisticalTagger model = StatisticalTagger.mean(models, minWeight);
        System.out.printf("trained in %.1f s: %s%s%n", (System.nanoTime() - t0) / 1e9, model.describe(),
                models.size() > 1 ? " (mean of " + models.size() + " models, seeds " + seeds + ")" : "");
        Evaluation eval = Evaluation.of(devDocs, d -> model.label(d.doc()), false);
        boolean devTrained = train.stream().anyMatch(p -> sameFile(p, devPath));
        System.out.print("dev split, final model" + (devTrained ? " (in-sample: trained on)" : "") + ":\n" + eval.report());
        if (!report.equals("none")) {
            List<EvaluationSets.GoldSet> sets = new ArrayList<>(EvaluationSets.development(ner));
            if (report.equals("test")) {
                sets.addAll(EvaluationSets.test(ner));
            }
            if (!heldOut && !conllOnly) {
                System.out.println("(conll-dev and uner-dev-odd were trained on: run with --held-out for development figures)");
            }
            System.out.print(EvaluationSets.report(sets, d -> model.label(d.doc())));
        }
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (OutputStream out = Files.newOutputStream(output)) {
            model.write(out);
        }
        System.out.printf("wrote %s (%d bytes)%n", output, Files.size(output));
        return 0;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
