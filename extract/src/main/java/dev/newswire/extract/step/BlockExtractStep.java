package dev.newswire.extract.step;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the content root(s) into text blocks in document order: each block element (paragraph, heading, list
 * item, quote, table cell, a div's loose text) gives one block, and a {@code <br>} ends a block too. Inside the
 * root, elements whose class/id names boilerplate are skipped with the same guards as {@link PruneStep}, now
 * measured against the root's text: a share bar inside the article goes, the article's own wrapper stays.
 */
public final class BlockExtractStep implements ExtractionStep {

    private static final Logger LOG = LoggerFactory.getLogger(BlockExtractStep.class);

    @Override
    public void apply(PageContext page) {
        Blocks out = new Blocks();
        for (Element root : page.contentRoots()) {
            extract(root, page.stats(), out);
        }
        page.setExtractedBlocks(out.blocks);
    }

    /** The blocks so far and their characters, for the size guards. */
    private static final class Blocks {
        final List<Block> blocks = new ArrayList<>();
        int chars;
    }

    private static void extract(Element root, TextStats stats, Blocks out) {
        TextStats.Stat rootStat = stats == null ? null : stats.get(root);
        int rootChars = rootStat != null ? rootStat.text : PruneStep.textChars(root);
        Deque<String> tags = new ArrayDeque<>();
        tags.push(root.normalName());
        StringBuilder text = new StringBuilder();
        int[] counts = {0, 0}; // non-space chars, of which in links
        int[] linkDepth = {0};
        int[] inCode = {0}; // inside pre/code, class names are syntax highlighting: nothing is skipped
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.getWholeText();
                    text.append(s);
                    int n = TextStats.nonSpace(s);
                    counts[0] += n;
                    if (linkDepth[0] > 0) {
                        counts[1] += n;
                    }
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (tag.equals("br")) {
                    flush(text, counts, tags.peek(), out);
                    return FilterResult.CONTINUE;
                }
                if (Heuristics.CODE_TAGS.contains(tag)) {
                    inCode[0]++;
                }
                if (e != root && inCode[0] == 0 && skip(e, stats, rootChars)) {
                    if (LOG.isTraceEnabled()) {
                        LOG.trace("skip {} .{} #{}", e.normalName(), e.className(), e.id());
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("a")) {
                    linkDepth[0]++;
                } else if (!Heuristics.INLINE_TAGS.contains(tag)) {
                    flush(text, counts, tags.peek(), out);
                    tags.push(tag);
                } else if (tag.equals("img") || tag.equals("wbr")) {
                    return FilterResult.CONTINUE;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (Heuristics.CODE_TAGS.contains(tag)) {
                    inCode[0]--;
                }
                if (tag.equals("a")) {
                    linkDepth[0]--;
                } else if (!Heuristics.INLINE_TAGS.contains(tag)) {
                    flush(text, counts, tags.peek(), out);
                    if (tags.size() > 1) {
                        tags.pop();
                    }
                } else if (Heuristics.SPACED_INLINE_TAGS.contains(tag)) {
                    text.append(' ');
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        flush(text, counts, tags.peek(), out);
    }

    /** Whether to leave out an element inside the content root. */
    static boolean skip(Element e, TextStats stats, int rootChars) {
        if (Heuristics.SKIPPED_IN_CONTENT_TAGS.contains(e.normalName())) {
            return true;
        }
        BoilerplateClassifier.Verdict v = BoilerplateClassifier.classify(e);
        boolean furniture = Heuristics.FURNITURE_TAGS.contains(e.normalName());
        if (v == BoilerplateClassifier.Verdict.NONE && !furniture) {
            return false;
        }
        TextStats.Stat s = stats == null ? null : stats.get(e);
        int chars = s != null ? s.text : PruneStep.textChars(e);
        double maxShare = switch (v) {
            case DECISIVE -> Heuristics.DECISIVE_MAX_SHARE;
            case NORMAL -> Heuristics.TOKEN_MAX_SHARE;
            case WEAK -> Heuristics.WEAK_TOKEN_MAX_SHARE;
            default -> Heuristics.FURNITURE_MAX_SHARE;
        };
        return chars <= maxShare * Math.max(rootChars, 1);
    }

    private static void flush(StringBuilder text, int[] counts, String tag, Blocks out) {
        if (out.blocks.size() >= Heuristics.MAX_BLOCKS || out.chars >= Heuristics.MAX_TEXT_CHARS) {
            text.setLength(0);
            counts[0] = 0;
            counts[1] = 0;
            return;
        }
        if (text.length() > 0) {
            String cleaned = TextUtil.clean(text);
            if (!cleaned.isEmpty()) {
                int linkChars = counts[0] == 0 ? 0 : (int) Math.round((double) cleaned.length() * counts[1] / counts[0]);
                out.blocks.add(new Block(cleaned, tag == null ? "p" : tag, linkChars));
                out.chars += cleaned.length();
            }
            text.setLength(0);
        }
        counts[0] = 0;
        counts[1] = 0;
    }
}
