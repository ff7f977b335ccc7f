package dev.newswire.launcher.dedup;

import dev.newswire.dedup.DedupSettings;
import dev.newswire.dedup.eval.DedupEvaluation;
import dev.newswire.dedup.eval.LabelledPairs;
import dev.newswire.dedup.eval.StoryCorpus;
import dev.newswire.shareddata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newswire dedup-eval}: precision and recall of the duplicate decision on labelled pairs. */
@Command(name = "dedup-eval", mixinStandardHelpOptions = true,
        description = "Build labelled story pairs from the extraction dev set (copies of a story vs different stories, "
                + "fixed seed) and report precision and recall of the duplicate decision.")
public final class DedupEvalCommand implements Callable<Integer> {

    @Option(names = "--ground-truth", paramLabel = "FILE",
            description = "ground-truth.json of the extraction dev set (default: datasets/extraction-dev/ in the "
                    + "shared data beside the project, see NEWSWIRE_SHARED).")
    Path groundTruth;

    @Option(names = "--seed", defaultValue = "20261129", description = "Random seed of the pair generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jaccard", description = "Override the Jaccard threshold.")
    Double jaccard;

    @Option(names = "--containment", description = "Override the containment threshold.")
    Double containment;

    @Option(names = "--length-ratio", description = "Override the minimum length ratio for containment.")
    Double lengthRatio;

    @Override
    public Integer call() throws Exception {
        Path file = groundTruth != null ? groundTruth : defaultGroundTruth();
        if (!Files.exists(file)) {
            throw new IllegalStateException("no ground truth at " + file + " (give --ground-truth FILE)");
        }
        DedupSettings d = DedupSettings.DEFAULTS;
        DedupSettings settings = d.withThresholds(jaccard != null ? jaccard : d.jaccardThreshold(),
                containment != null ? containment : d.containmentThreshold(),
                lengthRatio != null ? lengthRatio : d.minLengthRatio());
        List<StoryCorpus.Story> stories = StoryCorpus.load(file);
        List<LabelledPairs.Pair> pairs = LabelledPairs.build(stories, seed);
        long t0 = System.nanoTime();
        DedupEvaluation.Result r = DedupEvaluation.run(pairs, settings);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%d stories (%d with at least %d words), %d pairs, seed %d, thresholds J>=%.2f or C>=%.2f "
                        + "(length ratio >= %.2f), %d ms%n", stories.size(), LabelledPairs.eligible(stories).size(),
                LabelledPairs.MIN_STORY_WORDS, pairs.size(), seed, settings.jaccardThreshold(),
                settings.containmentThreshold(), settings.minLengthRatio(), ms);
        System.out.print(r.report());
        System.out.print(DedupEvaluation.reportIndexed(DedupEvaluation.runIndexed(stories, seed, settings)));
        return 0;
    }

    static Path defaultGroundTruth() {
        return SharedData.require("datasets/extraction-dev/ground-truth.json");
    }
}
