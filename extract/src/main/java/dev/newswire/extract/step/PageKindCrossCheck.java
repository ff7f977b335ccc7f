package dev.newswire.extract.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two-fold check of the page-kind model: pages with an odd numeric id (of every set given) train a model
 * that decides the pages with an even id, and the other way round, with the same thresholds and rules as the
 * extractor; prints, per gold kind, how many held-out pages came out flagged as not an article. Run from the
 * project root (class path as for {@link PageKindTrainer}):
 * <pre>
 * java -cp "$CP" dev.newswire.extract.step.PageKindCrossCheck \
 *     ../shared/datasets/extraction-dev ../shared/datasets/extraction-dev-b
 * </pre>
 */
public final class PageKindCrossCheck {

    private record Page(String id, boolean odd, double[] x, String goldType, String ruleKind) {
    }

    private PageKindCrossCheck() {
    }

    public static void main(String[] args) throws IOException {
        PageKindClassifier shipped = PageKindClassifier.standard(); // for its thresholds
        List<Page> pages = new ArrayList<>();
        for (String dir : args) {
            pages.addAll(pages(Path.of(dir)));
        }
        Map<String, int[]> flagged = new TreeMap<>();
        for (boolean trainOdd : new boolean[]{true, false}) {
            List<PageKindTrainer.Page> train = new ArrayList<>();
            for (Page p : pages) {
                if (p.odd == trainOdd) {
                    train.add(new PageKindTrainer.Page(p.id, p.x, PageFeatures.kindOf(p.goldType)));
                }
            }
            double[][] weights = new double[PageFeatures.KINDS.size()][];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = PageKindTrainer.fit(train, PageFeatures.KINDS.get(k));
            }
            PageKindClassifier model = new PageKindClassifier(weights, shipped.threshold(), shipped.kindThreshold());
            for (Page p : pages) {
                if (p.odd != trainOdd) {
                    boolean notArticle = !p.ruleKind.equals("article") || !model.kind(p.x).equals("article");
                    int[] c = flagged.computeIfAbsent(p.goldType, k -> new int[2]);
                    c[0] += notArticle ? 1 : 0;
                    c[1]++;
                }
            }
        }
        int otherFlagged = 0;
        int others = 0;
        for (Map.Entry<String, int[]> e : flagged.entrySet()) {
            System.out.printf(Locale.ROOT, "%-14s %4d of %4d flagged%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
            if (!e.getKey().equals("article")) {
                otherFlagged += e.getValue()[0];
                others += e.getValue()[1];
            }
        }
        System.out.printf(Locale.ROOT, "%-14s %4d of %4d flagged%n", "not articles", otherFlagged, others);
    }

    private static List<Page> pages(Path dir) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        List<ExtractionStep> steps = PageKindTrainer.untilPageKind();
        List<Page> out = new ArrayList<>();
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            Path file = dir.resolve("html/" + id + ".html.gz");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            PageContext page = PageKindTrainer.prepared(file, steps);
            if (page == null) {
                continue;
            }
            new PageKindStep(null).apply(page);
            boolean odd = Integer.parseInt(id.replaceAll("\\D", "")) % 2 == 1;
            out.add(new Page(id, odd, PageFeatures.of(page), truth.get(id).path("pageType").asText("article"),
                    page.verdict().kind()));
        }
        return out;
    }
}
