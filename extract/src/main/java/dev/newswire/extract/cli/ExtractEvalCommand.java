package dev.newswire.extract.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.extract.eval.ShingleScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code extract-eval --predictions FILE.json --truth ground-truth.json}: scores an {@code extract} output
 * against the expected texts with {@link ShingleScorer} and prints precision, recall, F1 and page counts.
 */
@Command(name = "extract-eval", mixinStandardHelpOptions = true,
        description = "Score extract output against ground truth (4-token shingles, P/R averaged over pages).")
public final class ExtractEvalCommand implements Callable<Integer> {

    @Option(names = "--predictions", required = true, description = "The extract command's JSON output.")
    Path predictions;

    @Option(names = "--truth", required = true, description = "ground-truth.json with articleBody per page id.")
    Path truth;

    @Option(names = "--worst", defaultValue = "0", description = "Also list the N pages with the lowest F1.")
    int worst;

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode pred = json.readTree(predictions.toFile());
        JsonNode gt = json.readTree(truth.toFile());
        List<ShingleScorer.PageScore> scores = new ArrayList<>();
        List<Map.Entry<String, ShingleScorer.PageScore>> byPage = new ArrayList<>();
        int missing = 0;
        for (Iterator<String> it = gt.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            String expected = gt.path(id).path("articleBody").asText("");
            JsonNode p = pred.get(id);
            if (p == null) {
                missing++;
            }
            String output = p == null ? "" : p.path("articleBody").asText("");
            ShingleScorer.PageScore s = ShingleScorer.score(output, expected);
            scores.add(s);
            byPage.add(Map.entry(id, s));
        }
        ShingleScorer.Summary sum = ShingleScorer.summarise(scores);
        System.out.printf("pages: %d (with output: %d, with expected text: %d, missing from predictions: %d)%n",
                sum.pages(), sum.pagesWithOutput(), sum.pagesWithExpected(), missing);
        System.out.printf("precision: %.4f%nrecall:    %.4f%nF1:        %.4f%n", sum.precision(), sum.recall(),
                sum.f1());
        if (worst > 0) {
            byPage.sort(Comparator.comparingDouble(e -> e.getValue().f1()));
            System.out.println("worst pages (id  F1  P  R  output/expected shingles):");
            for (int i = 0; i < Math.min(worst, byPage.size()); i++) {
                ShingleScorer.PageScore s = byPage.get(i).getValue();
                System.out.printf("  %s  %.3f  %.3f  %.3f  %d/%d%n", byPage.get(i).getKey(), s.f1(), s.precision(),
                        s.recall(), s.outputShingles(), s.expectedShingles());
            }
        }
        return 0;
    }

    /** Runs the command alone (the launcher registers it as a subcommand of {@code newswire}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ExtractEvalCommand()).execute(args));
    }
}
