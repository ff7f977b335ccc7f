package dev.newswire.extract.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.extract.eval.ShingleScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Trains the {@link BlockClassifier} on a set of pages with expected text, deterministically (same pages, same
 * weights). Each candidate block of each article page's content root (what {@link BoilerplateFilterStep} judges)
 * is one sample, labelled article text when at least half of its 4-token shingles are in the page's expected
 * text (a block of fewer than four tokens: when the expected text holds its tokens in a row). Samples are weighted
 * so that every page counts the same, a block by its tokens, as the evaluation averages over pages. The model is
 * an L2-regularised logistic regression fitted by Newton's method.
 *
 * <pre>
 * java -cp "$CP" dev.newswire.extract.step.BlockClassifierTrainer \
 *     --train ../shared/datasets/extraction-dev --out extract/src/main/resources/dev/newswire/extract/block-classifier.txt
 * </pre>
 */
public final class BlockClassifierTrainer {

    /** L2 penalty on the weights (not on the bias), in units of the summed sample weight (one per page). */
    static final double L2 = 0.5;
    static final int ITERATIONS = 25;

    private BlockClassifierTrainer() {
    }

    /** One training sample. */
    record Sample(double[] x, double y, double w) {
    }

    public static void main(String[] args) throws IOException {
        List<Path> train = new ArrayList<>();
        Path out = null;
        double threshold = 0.5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> {
                    for (String d : args[++i].split(",")) {
                        train.add(Path.of(d));
                    }
                }
                case "--out" -> out = Path.of(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (train.isEmpty() || out == null) {
            System.err.println("usage: BlockClassifierTrainer --train DIR[,DIR] --out FILE [--threshold T]");
            System.exit(2);
        }
        List<Sample> samples = new ArrayList<>();
        int pages = 0;
        for (Path dir : train) {
            pages += samples(dir, samples);
        }
        double[] w = fit(samples, BlockFeatures.NAMES.size(), L2);
        StringBuilder sb = new StringBuilder();
        sb.append("# Block classifier weights (logistic regression over BlockFeatures), written by BlockClassifierTrainer.\n");
        sb.append("# Trained on: ");
        for (Path dir : train) {
            sb.append(dir.getFileName()).append(' ');
        }
        sb.append(String.format(Locale.ROOT, "(%d article pages, %d blocks); L2 %.2f.%n", pages, samples.size(), L2));
        sb.append("# Retrain: see the class comment of BlockClassifierTrainer and extract/README.md.\n");
        sb.append(String.format(Locale.ROOT, "threshold %.2f%n", threshold));
        for (int i = 0; i < w.length; i++) {
            sb.append(BlockFeatures.NAMES.get(i)).append(' ').append(String.format(Locale.ROOT, "%.4f", w[i])).append('\n');
        }
        Files.writeString(out, sb.toString());
        System.err.printf("trained on %d pages, %d blocks; wrote %s%n", pages, samples.size(), out);
    }

    /** Adds the samples of every article page of a set; returns the number of pages used. */
    static int samples(Path dir, List<Sample> out) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        DateParser dates = new DateParser(Clock.systemUTC());
        List<ExtractionStep> steps = List.of(new ParseStep(), new MetadataStep(dates), new PruneStep(),
                new MainContentStep(), new BlockExtractStep());
        int pages = 0;
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            JsonNode t = truth.get(id);
            String expected = t.path("articleBody").asText("");
            Path file = dir.resolve("html/" + id + ".html.gz");
            if (!t.path("pageType").asText("article").equals("article") || expected.isBlank() || !Files.isRegularFile(file)) {
                continue;
            }
            PageContext page = PageKindTrainer.prepared(file, steps);
            if (page == null) {
                continue;
            }
            List<Block> blocks = BoilerplateFilterStep.candidates(page.extractedBlocks());
            if (blocks.isEmpty()) {
                continue;
            }
            pages++;
            Set<String> shingles = ShingleScorer.shingles(expected).keySet();
            String tokens = " " + String.join(" ", ShingleScorer.tokens(expected)) + " ";
            BlockFeatures.Context context = new BlockFeatures.Context(blocks);
            double pageTokens = 0;
            int[] n = new int[blocks.size()];
            for (int i = 0; i < blocks.size(); i++) {
                n[i] = ShingleScorer.tokens(blocks.get(i).text()).size();
                pageTokens += n[i] + 1;
            }
            for (int i = 0; i < blocks.size(); i++) {
                double y = isExpected(blocks.get(i).text(), shingles, tokens) ? 1 : 0;
                out.add(new Sample(BlockFeatures.of(context, i), y, (n[i] + 1) / pageTokens));
            }
        }
        return pages;
    }

    /** Whether the expected text holds a block: half its shingles, or all its tokens in a row when it is short. */
    static boolean isExpected(String text, Set<String> expectedShingles, String expectedTokens) {
        List<String> tokens = ShingleScorer.tokens(text);
        if (tokens.isEmpty()) {
            return false;
        }
        if (tokens.size() < ShingleScorer.SHINGLE) {
            return expectedTokens.contains(" " + String.join(" ", tokens) + " ");
        }
        Set<String> own = new HashSet<>(ShingleScorer.shingles(text).keySet());
        int in = 0;
        for (String s : own) {
            if (expectedShingles.contains(s)) {
                in++;
            }
        }
        return in * 2 >= own.size();
    }

    /** Newton's method on the weighted, L2-penalised log-loss. */
    static double[] fit(List<Sample> samples, int d, double l2) {
        double[] w = new double[d];
        for (int iter = 0; iter < ITERATIONS; iter++) {
            double[] g = new double[d];
            double[][] h = new double[d][d];
            for (Sample s : samples) {
                double z = 0;
                for (int j = 0; j < d; j++) {
                    z += w[j] * s.x[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double r = s.w * (p - s.y);
                double v = s.w * p * (1 - p);
                for (int j = 0; j < d; j++) {
                    if (s.x[j] == 0) {
                        continue;
                    }
                    g[j] += r * s.x[j];
                    for (int k = 0; k < d; k++) {
                        h[j][k] += v * s.x[j] * s.x[k];
                    }
                }
            }
            for (int j = 1; j < d; j++) {
                g[j] += l2 * w[j];
                h[j][j] += l2;
            }
            h[0][0] += 1e-9;
            double[] step = solve(h, g);
            double size = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            if (size < 1e-6) {
                break;
            }
        }
        return w;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a is small and positive definite). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            if (Math.abs(m[c][c]) < 1e-12) {
                m[c][c] = 1e-12;
            }
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                if (f != 0) {
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int k = i + 1; k < n; k++) {
                s -= m[i][k] * x[k];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
