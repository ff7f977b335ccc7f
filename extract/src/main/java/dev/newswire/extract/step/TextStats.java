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
        boolean removed;
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

    /**
     * Accounts for an element about to be removed from the tree: its counts leave its ancestors' and its own
     * subtree's statistics are dropped.
     */
    public void remove(Element e) {
        Stat own = stats.get(e);
        int text;
        int link;
        int content = 0;
        int paragraphs = 0;
        if (own != null) {
            text = own.text;
            link = own.link;
            content = own.content;
            paragraphs = own.paragraphs;
        } else {
            int[] counts = inlineCounts(e);
            text = counts[0];
            link = counts[1];
        }
        for (Element a = e.parent(); a != null; a = a.parent()) {
            Stat s = stats.get(a);
            if (s != null) {
                s.text -= text;
                s.link -= link;
                s.content -= content;
                s.paragraphs -= paragraphs;
            }
        }
        if (own != null) {
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof Element x) {
                    Stat s = stats.remove(x);
                    if (s != null) {
                        s.removed = true;
                        dirty = true;
                    }
                }
            }, e);
        }
    }

    private boolean dirty;

    private static int[] inlineCounts(Element e) {
        int[] n = {0, 0};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                int c = nonSpace(t.getWholeText());
                n[0] += c;
                for (Node p = t.parentNode(); p != null && p != e.parentNode(); p = p.parentNode()) {
                    if (p instanceof Element pe && pe.normalName().equals("a")) {
                        n[1] += c;
                        break;
                    }
                }
            }
        }, e);
        return n;
    }

    /** The statistics of an element, or null when it is not a block element under the root. */
    public Stat get(Element e) {
        return stats.get(e);
    }

    /** All block elements under the root, in document order. */
    public List<Stat> all() {
        if (dirty) {
            ordered.removeIf(s -> s.removed);
            dirty = false;
        }
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
