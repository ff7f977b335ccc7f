package dev.newswire.extract.step;

import java.util.List;

/**
 * The features the block classifier reads for one block of the content root: its tag, size, link density,
 * shape of its text, where it sits in the root and what its neighbours look like. Every feature is a number in
 * about [0, 1]; the names are the keys of the weights file ({@link BlockClassifier}).
 */
public final class BlockFeatures {

    /** Feature names, in the order of the vector {@link #of} fills. */
    public static final List<String> NAMES = List.of(
            "bias",
            "tag:p", "tag:li", "tag:h1-2", "tag:h3-6", "tag:cell", "tag:div", "tag:dl", "tag:quote", "tag:pre",
            "tag:other",
            "len:<10", "len:<20", "len:<40", "len:<80", "len:<160", "len:<320", "len:>=320", "len:log",
            "words:1", "words:2-3",
            "ld", "ld:0", "ld:>0.5", "ld:>0.85",
            "heading&ld>0.85", "li&ld>0.85", "p&ld>0.85", "div&ld>0.85", "cell&ld>0.85",
            "li&len<40", "p&len<40", "div&len<40", "heading&len<80",
            "prev:ld>0.5", "next:ld>0.5", "prev&next:ld>0.5", "prev:same-tag", "next:same-tag",
            "prev:long", "next:long", "near-long:0-1", "near-long:2-3",
            "pos", "pos:first", "pos:last", "pos:first-3", "pos:last-3",
            "end:sentence", "end:colon", "start:upper", "share:digits", "share:upper",
            "root:blocks-log", "root:share", "root:ld",
            "ld>0.85&near-long");

    /** A block of at least this many characters and a link density below {@link #LONG_MAX_LINK_DENSITY} is "long text". */
    static final int LONG_CHARS = 160;
    static final double LONG_MAX_LINK_DENSITY = 0.3;

    private BlockFeatures() {
    }

    /** Facts about the whole list that every block's features refer to. */
    public static final class Context {
        final List<Block> blocks;
        final int totalChars;
        final double linkDensity;
        /** For each block, the distance in blocks to the nearest long text block (capped). */
        final int[] nearLong;

        public Context(List<Block> blocks) {
            this.blocks = blocks;
            int chars = 0;
            int links = 0;
            for (Block b : blocks) {
                chars += b.text().length();
                links += b.linkChars();
            }
            this.totalChars = chars;
            this.linkDensity = chars == 0 ? 0 : Math.min(1, (double) links / chars);
            int n = blocks.size();
            this.nearLong = new int[n];
            int last = -100;
            for (int i = 0; i < n; i++) {
                if (isLong(blocks.get(i))) {
                    last = i;
                }
                nearLong[i] = i - last;
            }
            last = 100_000;
            for (int i = n - 1; i >= 0; i--) {
                if (isLong(blocks.get(i))) {
                    last = i;
                }
                nearLong[i] = Math.min(nearLong[i], last - i);
            }
        }
    }

    static boolean isLong(Block b) {
        return b.text().length() >= LONG_CHARS && b.linkDensity() < LONG_MAX_LINK_DENSITY;
    }

    /** The feature vector of block {@code i}, in the order of {@link #NAMES}. */
    public static double[] of(Context c, int i) {
        double[] f = new double[NAMES.size()];
        Block b = c.blocks.get(i);
        String text = b.text();
        int len = text.length();
        String tag = b.tag();
        int k = 0;
        f[k++] = 1;
        String group = group(tag);
        f[k++] = is(group.equals("p"));
        f[k++] = is(group.equals("li"));
        f[k++] = is(group.equals("h1-2"));
        f[k++] = is(group.equals("h3-6"));
        f[k++] = is(group.equals("cell"));
        f[k++] = is(group.equals("div"));
        f[k++] = is(group.equals("dl"));
        f[k++] = is(group.equals("quote"));
        f[k++] = is(group.equals("pre"));
        f[k++] = is(group.equals("other"));
        f[k++] = is(len < 10);
        f[k++] = is(len >= 10 && len < 20);
        f[k++] = is(len >= 20 && len < 40);
        f[k++] = is(len >= 40 && len < 80);
        f[k++] = is(len >= 80 && len < 160);
        f[k++] = is(len >= 160 && len < 320);
        f[k++] = is(len >= 320);
        f[k++] = log1p(len) / 8;
        int words = words(text);
        f[k++] = is(words == 1);
        f[k++] = is(words >= 2 && words <= 3);
        double ld = b.linkDensity();
        boolean dense = ld > 0.85;
        boolean heading = group.startsWith("h");
        f[k++] = ld;
        f[k++] = is(ld == 0);
        f[k++] = is(ld > 0.5);
        f[k++] = is(dense);
        f[k++] = is(heading && dense);
        f[k++] = is(group.equals("li") && dense);
        f[k++] = is(group.equals("p") && dense);
        f[k++] = is(group.equals("div") && dense);
        f[k++] = is(group.equals("cell") && dense);
        f[k++] = is(group.equals("li") && len < 40);
        f[k++] = is(group.equals("p") && len < 40);
        f[k++] = is(group.equals("div") && len < 40);
        f[k++] = is(heading && len < 80);
        Block prev = i > 0 ? c.blocks.get(i - 1) : null;
        Block next = i + 1 < c.blocks.size() ? c.blocks.get(i + 1) : null;
        boolean prevDense = prev != null && prev.linkDensity() > 0.5;
        boolean nextDense = next != null && next.linkDensity() > 0.5;
        f[k++] = is(prevDense);
        f[k++] = is(nextDense);
        f[k++] = is(prevDense && nextDense);
        f[k++] = is(prev != null && prev.tag().equals(tag));
        f[k++] = is(next != null && next.tag().equals(tag));
        f[k++] = is(prev != null && isLong(prev));
        f[k++] = is(next != null && isLong(next));
        f[k++] = is(c.nearLong[i] <= 1);
        f[k++] = is(c.nearLong[i] >= 2 && c.nearLong[i] <= 3);
        int n = c.blocks.size();
        f[k++] = n <= 1 ? 0 : (double) i / (n - 1);
        f[k++] = is(i == 0);
        f[k++] = is(i == n - 1);
        f[k++] = is(i < 3);
        f[k++] = is(i >= n - 3);
        char last = len == 0 ? ' ' : text.charAt(len - 1);
        f[k++] = is(last == '.' || last == '!' || last == '?' || last == '…' || last == '"' || last == '”'
                || last == '\'' || last == ')' || last == '。');
        f[k++] = is(last == ':');
        f[k++] = is(len > 0 && Character.isUpperCase(text.charAt(0)));
        int digits = 0;
        int letters = 0;
        int upper = 0;
        for (int j = 0; j < len; j++) {
            char ch = text.charAt(j);
            if (Character.isDigit(ch)) {
                digits++;
            } else if (Character.isLetter(ch)) {
                letters++;
                if (Character.isUpperCase(ch)) {
                    upper++;
                }
            }
        }
        f[k++] = len == 0 ? 0 : (double) digits / len;
        f[k++] = letters == 0 ? 0 : (double) upper / letters;
        f[k++] = log1p(n) / 8;
        f[k++] = c.totalChars == 0 ? 0 : (double) len / c.totalChars;
        f[k++] = c.linkDensity;
        f[k++] = is(dense && c.nearLong[i] <= 1);
        return f;
    }

    /** The tag group a block's tag belongs to. */
    static String group(String tag) {
        switch (tag) {
            case "p":
                return "p";
            case "li":
                return "li";
            case "h1", "h2":
                return "h1-2";
            case "h3", "h4", "h5", "h6":
                return "h3-6";
            case "td", "th", "tr", "table", "caption":
                return "cell";
            case "div", "section", "article", "main", "span":
                return "div";
            case "dd", "dt", "dl":
                return "dl";
            case "blockquote", "q":
                return "quote";
            case "pre", "code":
                return "pre";
            default:
                return "other";
        }
    }

    private static int words(String text) {
        int words = 0;
        boolean in = false;
        for (int j = 0; j < text.length(); j++) {
            boolean space = text.charAt(j) == ' ';
            if (!space && !in) {
                words++;
            }
            in = !space;
        }
        return words;
    }

    private static double is(boolean b) {
        return b ? 1 : 0;
    }

    /** ln(1 + x); {@code Math.log1p} is several times slower and the precision is not needed here. */
    private static double log1p(double x) {
        return Math.log(1 + x);
    }
}
