package dev.newswire.extract.step;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text statistics of every block-level element under a root, computed bottom-up in one traversal: all text
 * characters, characters inside links, and "content" characters: text of blocks (paragraphs, list items, quotes,
 * cells, divs with loose text) that are long enough and not mostly links. Content characters are what the main
 * content step maximises.
 */
public final class TextStats {

    /** Counts for one element's subtree. */
    public static final class Stat {
        /** Non-whitespace characters of all text. */
        public int text;
        /** Of which inside links. */
        public int link;
        /** Characters of good text blocks (outside links). */
        public int content;
        /** Number of good text blocks. */
        public int paragraphs;
        // the block's own text, not inside nested blocks
        int ownText;
        int ownLink;
        final Element element;

        Stat(Element element) {
            this.element = element;
        }

        /** Share of the text inside links. */
        public double linkDensity() {
            return text == 0 ? 0 : (double) link / text;
        }
    }

    private final Map<Element, Stat> stats = new IdentityHashMap<>();
    /** Block elements in document order (pre-order). */
    private final List<Stat> ordered = new ArrayList<>();

    private TextStats() {
    }

    /** Computes the statistics of every block element under (and including) the root. */
    public static TextStats of(Element root) {
        TextStats ts = new TextStats();
        Deque<Stat> stack = new ArrayDeque<>();
        int[] linkDepth = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    Stat top = stack.peek();
                    if (top != null) {
                        int n = nonSpace(t.getWholeText());
                        top.ownText += n;
                        if (linkDepth[0] > 0) {
                            top.ownLink += n;
                        }
                    }
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        linkDepth[0]++;
                    }
                    if (node == root || !Heuristics.INLINE_TAGS.contains(e.normalName())) {
                        Stat s = new Stat(e);
                        stack.push(s);
                        ts.stats.put(e, s);
                        ts.ordered.add(s);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return;
                }
                if (e.normalName().equals("a")) {
                    linkDepth[0]--;
                }
                Stat s = stack.peek();
                if (s == null || s.element != e) {
                    return;
                }
                stack.pop();
                s.text += s.ownText;
                s.link += s.ownLink;
                int own = s.ownText - s.ownLink;
                if (own >= Heuristics.MIN_SCORED_BLOCK_CHARS
                        && s.ownLink <= Heuristics.MAX_BLOCK_LINK_DENSITY * s.ownText) {
                    s.content += own;
                    s.paragraphs++;
                }
                Stat parent = stack.peek();
                if (parent != null) {
                    parent.text += s.text;
                    parent.link += s.link;
                    parent.content += s.content;
                    parent.paragraphs += s.paragraphs;
                }
            }
        }, root);
        return ts;
    }

    /** The statistics of an element, or null when it is not a block element under the root. */
    public Stat get(Element e) {
        return stats.get(e);
    }

    /** All block elements under the root, in document order. */
    public List<Stat> all() {
        return ordered;
    }

    static int nonSpace(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!TextUtil.isSpace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
