package dev.newswire.extract.step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans the block list: cuts the tail after an end-of-article line (comments, related posts) when the tail is
 * the minor part, then drops blocks that are mostly links, whole-line boilerplate ("Source link", "Leave a
 * Reply", "Written by ADMIN"...), the headline and byline repeated from the metadata, and repeated blocks.
 * Patterns are matched against a block's whole text only, and only on short blocks, so story sentences that
 * merely contain such words stay.
 */
public final class BoilerplateFilterStep implements ExtractionStep {

    private static final Pattern BOILERPLATE_LINE = anyOf(Heuristics.BOILERPLATE_LINES);
    private static final Pattern END_OF_ARTICLE = anyOf(Heuristics.END_OF_ARTICLE_LINES);

    private final BlockClassifier classifier;

    /** The filter with the shipped block classifier. */
    public BoilerplateFilterStep() {
        this(BlockClassifier.standard());
    }

    /**
     * @param classifier decides which blocks are article text; null falls back to the single link-density rule
     *                   ({@link Heuristics#MAX_KEPT_BLOCK_LINK_DENSITY})
     */
    public BoilerplateFilterStep(BlockClassifier classifier) {
        this.classifier = classifier;
    }

    /** The blocks the filter judges: the extracted ones, less the tail after an end-of-article line. */
    static List<Block> candidates(List<Block> extracted) {
        List<Block> blocks = new ArrayList<>(extracted);
        cutTail(blocks);
        return blocks;
    }

    @Override
    public void apply(PageContext page) {
        List<Block> blocks = candidates(page.extractedBlocks());
        BlockFeatures.Context context = classifier == null ? null : new BlockFeatures.Context(blocks);
        Metadata meta = page.metadata();
        String title = meta.title() == null ? null : key(meta.title());
        Set<String> names = new HashSet<>();
        for (String a : meta.authors()) {
            names.add(key(a));
        }
        if (meta.siteName() != null) {
            names.add(key(meta.siteName()));
        }
        List<Block> dropped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Block> kept = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String k = key(b.text());
            boolean text = classifier != null ? classifier.isContent(BlockFeatures.of(context, i))
                    : b.linkDensity() <= Heuristics.MAX_KEPT_BLOCK_LINK_DENSITY;
            if (k.isEmpty() || !text) {
                dropped.add(b);
                continue;
            }
            // a long block seen before is a pull quote or a repeated teaser; short ones ("Pros", "Cons") repeat
            if (b.text().length() >= Heuristics.MIN_DEDUPLICATED_CHARS && !seen.add(k)) {
                dropped.add(b);
                continue;
            }
            if (b.text().length() <= Heuristics.MAX_BOILERPLATE_LINE_CHARS) {
                if (k.equals(title) || names.contains(k) || isBoilerplateLine(b.text())) {
                    dropped.add(b);
                    continue;
                }
            }
            kept.add(b);
        }
        page.setFiltered(new PageContext.Filtered(kept, dropped));
    }

    /** Drops everything from the first end-of-article line whose tail is the minor part of the text. */
    static void cutTail(List<Block> blocks) {
        int total = 0;
        for (Block b : blocks) {
            total += b.text().length();
        }
        int before = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            int after = total - before;
            if (b.text().length() <= 60 && after <= Heuristics.TAIL_CUT_MAX_SHARE * total
                    && END_OF_ARTICLE.matcher(lower(b.text())).matches()) {
                blocks.subList(i, blocks.size()).clear();
                return;
            }
            before += b.text().length();
        }
    }

    /** A comparison key: lower-case letters and digits only. */
    static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static Pattern anyOf(List<Pattern> patterns) {
        StringBuilder sb = new StringBuilder("\\s*(?:");
        for (int i = 0; i < patterns.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append("(?:").append(patterns.get(i).pattern()).append(')');
        }
        sb.append(")\\s*[.:!|»›>-]*\\s*");
        // matched against lower-cased text: case-insensitive Unicode matching is several times slower
        return Pattern.compile(sb.toString());
    }

    static boolean isBoilerplateLine(String text) {
        return text.length() <= Heuristics.MAX_BOILERPLATE_LINE_CHARS && BOILERPLATE_LINE.matcher(lower(text)).matches();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
