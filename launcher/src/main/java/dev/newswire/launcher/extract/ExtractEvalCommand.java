package dev.newswire.launcher.extract;

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
 * against the expected texts with {@link ShingleScorer} and prints precision, recall, F1 and page counts, then how
 * often the title, the publication day and the authors agree with the ground truth. Pages whose truth has a
 * {@code pageType} other than "article" are not scored as text; for every page type, the page kinds the
 * predictions give are counted (how many were flagged as not an article).
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
        int titles = 0;
        int titleHits = 0;
        int dated = 0;
        int dateHits = 0;
        int authored = 0;
        int authorHits = 0;
        java.util.Map<String, java.util.Map<String, Integer>> kinds = new java.util.TreeMap<>();
        for (Iterator<String> it = gt.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            String expected = gt.path(id).path("articleBody").asText("");
            JsonNode p = pred.get(id);
            String pageType = gt.path(id).path("pageType").asText("article");
            if (p != null && p.has("pageKind")) {
                kinds.computeIfAbsent(pageType, k -> new java.util.TreeMap<>())
                        .merge(p.path("pageKind").asText(), 1, Integer::sum);
            }
            if (!pageType.equals("article")) {
                continue; // the text of pages that are not articles is not scored, only their page kind
            }
            if (p == null) {
                missing++;
            }
            String output = p == null ? "" : p.path("articleBody").asText("");
            JsonNode t = gt.path(id);
            if (t.hasNonNull("title")) {
                titles++;
                if (p != null && normal(t.get("title").asText()).equals(normal(p.path("title").asText("")))) {
                    titleHits++;
                }
            }
            String date = t.path("datePublished").asText("");
            if (!date.isEmpty()) {
                dated++;
                String predicted = p == null ? "" : p.path("datePublished").asText("");
                if (predicted.length() >= 10 && date.length() >= 10
                        && predicted.substring(0, 10).equals(date.substring(0, 10))) {
                    dateHits++;
                }
            }
            String author = normal(t.path("author").asText(""));
            if (!author.isEmpty()) {
                authored++;
                StringBuilder names = new StringBuilder();
                if (p != null) {
                    p.path("authors").forEach(a -> names.append(a.asText()).append(' '));
                }
                String predicted = normal(names.toString());
                if (!predicted.isEmpty() && (author.contains(predicted) || predicted.contains(author))) {
                    authorHits++;
                }
            }
            ShingleScorer.PageScore s = ShingleScorer.score(output, expected);
            scores.add(s);
            byPage.add(Map.entry(id, s));
        }
        ShingleScorer.Summary sum = ShingleScorer.summarise(scores);
        System.out.printf("pages: %d (with output: %d, with expected text: %d, missing from predictions: %d)%n",
                sum.pages(), sum.pagesWithOutput(), sum.pagesWithExpected(), missing);
        System.out.printf("precision: %.4f%nrecall:    %.4f%nF1:        %.4f%n", sum.precision(), sum.recall(),
                sum.f1());
        System.out.printf("title:     %d/%d exact (case and punctuation ignored)%n", titleHits, titles);
        System.out.printf("date:      %d/%d same day%n", dateHits, dated);
        System.out.printf("author:    %d/%d (names equal or one contains the other)%n", authorHits, authored);
        for (java.util.Map.Entry<String, java.util.Map<String, Integer>> e : kinds.entrySet()) {
            int n = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            int flagged = n - e.getValue().getOrDefault("article", 0);
            System.out.printf("%s: %d/%d flagged as not an article %s%n", e.getKey(), flagged, n, e.getValue());
        }
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

    /** Lower-case words separated by single spaces, for comparing titles and names. */
    static String normal(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Runs the command alone (the launcher registers it as a subcommand of {@code newswire}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ExtractEvalCommand()).execute(args));
    }
}
