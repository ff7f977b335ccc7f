package dev.newswire.extract.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.extract.PageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Trains the {@link PageKindClassifier} on labelled pages (every page of a set without a {@code pageType} is an
 * article), deterministically: one L2-regularised logistic regression per kind, one against the rest, fitted by
 * Newton's method ({@link BlockClassifierTrainer#fit}). Each kind's positives and negatives weigh the same in
 * total, so the 194 non-articles count as much as the 971 articles. A set can be limited to the pages with an
 * odd or even numeric id ({@code DIR:odd}), for two-fold validation: train on the odd ids of both sets, test on
 * the even ones, and the other way round.
 *
 * <pre>
 * java -cp "$CP" dev.newswire.extract.step.PageKindTrainer \
 *     --train ../shared/datasets/extraction-dev,../shared/datasets/extraction-dev-b \
 *     --out extract/src/main/resources/dev/newswire/extract/page-kinds.txt
 * </pre>
 */
public final class PageKindTrainer {

    /** L2 penalty per kind model, in units of its summed sample weight (2 in all). */
    static final double L2 = 0.01;

    private PageKindTrainer() {
    }

    /** A page's features and kind. */
    record Page(String id, double[] x, String kind) {
    }

    public static void main(String[] args) throws IOException {
        List<String> train = new ArrayList<>();
        Path out = null;
        double threshold = 0.5;
        double kindThreshold = 1.0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> train.addAll(List.of(args[++i].split(",")));
                case "--out" -> out = Path.of(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--kind-threshold" -> kindThreshold = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (train.isEmpty() || out == null) {
            System.err.println("usage: PageKindTrainer --train DIR[:odd|:even][,...] --out FILE [--threshold T] "
                    + "[--kind-threshold K]");
            System.exit(2);
        }
        List<Page> pages = new ArrayList<>();
        for (String spec : train) {
            pages.addAll(pages(spec));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Page-kind weights (one logistic regression per kind over PageFeatures), written by PageKindTrainer.\n");
        sb.append("# Trained on: ").append(String.join(" ", train)).append(String.format(Locale.ROOT, " (%d pages", pages.size()));
        for (String kind : PageFeatures.KINDS) {
            sb.append(", ").append(kind).append(' ').append(pages.stream().filter(p -> p.kind.equals(kind)).count());
        }
        sb.append(String.format(Locale.ROOT, "); L2 %.2f.%n", L2));
        sb.append("# Retrain: see the class comment of PageKindTrainer and extract/README.md.\n");
        sb.append(String.format(Locale.ROOT, "threshold %.2f%n", threshold));
        sb.append(String.format(Locale.ROOT, "kind-threshold %.2f%n", kindThreshold));
        for (String kind : PageFeatures.KINDS) {
            double[] w = fit(pages, kind);
            for (int i = 0; i < w.length; i++) {
                sb.append(kind).append(' ').append(PageFeatures.NAMES.get(i)).append(' ')
                        .append(String.format(Locale.ROOT, "%.4f", w[i])).append('\n');
            }
        }
        Files.writeString(out, sb.toString());
        System.err.printf("trained on %d pages; wrote %s%n", pages.size(), out);
    }

    static double[] fit(List<Page> pages, String kind) {
        long positives = pages.stream().filter(p -> p.kind.equals(kind)).count();
        long negatives = pages.size() - positives;
        List<BlockClassifierTrainer.Sample> samples = new ArrayList<>();
        for (Page p : pages) {
            boolean yes = p.kind.equals(kind);
            samples.add(new BlockClassifierTrainer.Sample(p.x, yes ? 1 : 0,
                    yes ? 1.0 / Math.max(1, positives) : 1.0 / Math.max(1, negatives)));
        }
        return BlockClassifierTrainer.fit(samples, PageFeatures.NAMES.size(), L2);
    }

    /** The labelled pages of a set ("DIR", "DIR:odd" or "DIR:even"), through every step before the page kind. */
    static List<Page> pages(String spec) throws IOException {
        String parity = spec.endsWith(":odd") ? "odd" : spec.endsWith(":even") ? "even" : null;
        Path dir = Path.of(parity == null ? spec : spec.substring(0, spec.lastIndexOf(':')));
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        List<ExtractionStep> steps = untilPageKind();
        List<Page> out = new ArrayList<>();
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            if (parity != null && (Integer.parseInt(id.replaceAll("\\D", "")) % 2 == 1) != parity.equals("odd")) {
                continue;
            }
            Path file = dir.resolve("html/" + id + ".html.gz");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            PageContext page = prepared(file, steps);
            if (page == null) {
                continue;
            }
            String kind = PageFeatures.kindOf(truth.get(id).path("pageType").asText("article"));
            out.add(new Page(id, PageFeatures.of(page), kind));
        }
        return out;
    }

    /**
     * A page file of a development set read, decoded and taken through {@code steps} (the extractor's own
     * steps, for training and checking models); null when its bytes cannot be decoded.
     */
    static PageContext prepared(Path file, List<ExtractionStep> steps) throws IOException {
        PageContext page = PageContext.ofBytes(null, PageFiles.read(file), null);
        new DecodeStep().apply(page);
        if (page.undecodableReason() != null) {
            return null;
        }
        for (ExtractionStep s : steps) {
            s.apply(page);
        }
        return page;
    }

    /** The steps before the page-kind step, as the extractor runs them. */
    static List<ExtractionStep> untilPageKind() {
        DateParser dates = new DateParser(Clock.systemUTC());
        return List.of(new ParseStep(), new MetadataStep(dates), new PruneStep(), new MainContentStep(),
                new BlockExtractStep(), new BoilerplateFilterStep(), new TextDateStep(dates));
    }
}
