package dev.newswire.extract.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores extracted text against expected text the way the public extraction benchmarks do: text to word tokens
 * ({@code \w+}, Unicode, case kept), tokens to 4-token shingles counted as multisets; per page precision =
 * shared/output shingles and recall = shared/expected. A text shorter than four tokens is one shingle of all
 * its tokens.
 */
public final class ShingleScorer {

    /** Tokens per shingle. */
    public static final int SHINGLE = 4;
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private ShingleScorer() {
    }

    /** Precision and recall of one page; NaN where undefined (empty output or empty expectation). */
    public record PageScore(double precision, double recall, int outputShingles, int expectedShingles) {
        /** F1 of this page alone (0 when either side is empty). */
        public double f1() {
            if (Double.isNaN(precision) || Double.isNaN(recall) || precision + recall == 0) {
                return 0;
            }
            return 2 * precision * recall / (precision + recall);
        }
    }

    /** Word tokens of a text. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The 4-token shingles of a text, as a multiset. */
    public static Map<String, Integer> shingles(String text) {
        List<String> t = tokens(text);
        Map<String, Integer> out = new HashMap<>();
        if (t.isEmpty()) {
            return out;
        }
        if (t.size() < SHINGLE) {
            out.put(String.join(" ", t), 1);
            return out;
        }
        for (int i = 0; i + SHINGLE <= t.size(); i++) {
            out.merge(String.join(" ", t.subList(i, i + SHINGLE)), 1, Integer::sum);
        }
        return out;
    }

    /** Scores one page. */
    public static PageScore score(String output, String expected) {
        Map<String, Integer> out = shingles(output);
        Map<String, Integer> exp = shingles(expected);
        int outN = out.values().stream().mapToInt(Integer::intValue).sum();
        int expN = exp.values().stream().mapToInt(Integer::intValue).sum();
        int shared = 0;
        for (Map.Entry<String, Integer> e : out.entrySet()) {
            Integer x = exp.get(e.getKey());
            if (x != null) {
                shared += Math.min(x, e.getValue());
            }
        }
        double p = outN == 0 ? Double.NaN : (double) shared / outN;
        double r = expN == 0 ? Double.NaN : (double) shared / expN;
        return new PageScore(p, r, outN, expN);
    }

    /** Averages over pages: P over pages with output, R over pages with an expected text, F1 of the averages. */
    public record Summary(double precision, double recall, double f1, int pages, int pagesWithOutput,
            int pagesWithExpected) {
    }

    /** Summarises page scores as described on {@link Summary}. */
    public static Summary summarise(List<PageScore> scores) {
        double p = 0;
        double r = 0;
        int np = 0;
        int nr = 0;
        for (PageScore s : scores) {
            if (!Double.isNaN(s.precision())) {
                p += s.precision();
                np++;
            }
            if (!Double.isNaN(s.recall())) {
                r += s.recall();
                nr++;
            }
        }
        double mp = np == 0 ? 0 : p / np;
        double mr = nr == 0 ? 0 : r / nr;
        double f1 = mp + mr == 0 ? 0 : 2 * mp * mr / (mp + mr);
        return new Summary(mp, mr, f1, scores.size(), np, nr);
    }
}
