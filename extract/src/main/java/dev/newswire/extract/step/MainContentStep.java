package dev.newswire.extract.step;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Chooses the element(s) holding the article. Two opinions are formed from the text statistics:
 * <ol>
 *   <li>the scored root: from {@code <body>}, descend into the child holding most content characters while it
 *       holds at least {@link Heuristics#DOMINANT_CHILD_SHARE} of its parent's: the walk stops where the text
 *       spreads over many paragraphs, which is the article's own container;</li>
 *   <li>a known content container (schema.org {@code articleBody}, {@code entry-content}, ...), by rank.</li>
 * </ol>
 * The container wins when it holds at least {@link Heuristics#CONTAINER_MIN_SHARE} of the scored root's
 * content, since templates say more than statistics; further matches of the same container name (bodies split
 * by ads) are kept alongside. Otherwise the scored root is used.
 */
public final class MainContentStep implements ExtractionStep {

    @Override
    public void apply(PageContext page) {
        Element body = page.doc().body();
        if (body == null) {
            return;
        }
        TextStats stats = page.stats() != null ? page.stats() : TextStats.of(body);
        page.setContentRoots(withLead(choose(body, stats), body, stats));
    }

    /**
     * Adds the text that leads into the first root from outside it: an intro or standfirst that the template puts
     * in a sibling of the article body (or of its parent). A preceding sibling is taken when it is text (enough
     * content characters, few links) and no boilerplate sign is on it; the walk stops at the first sibling that is
     * not, so a sidebar or teaser list before the article ends it.
     */
    static List<Element> withLead(List<Element> roots, Element body, TextStats stats) {
        if (roots.isEmpty()) {
            return roots;
        }
        List<Element> lead = new ArrayList<>();
        Element child = roots.get(0);
        for (int level = 0; level < Heuristics.LEAD_MAX_LEVELS && child != body && child.parent() != null; level++) {
            List<Element> found = new ArrayList<>();
            for (Element s = child.previousElementSibling(); s != null; s = s.previousElementSibling()) {
                TextStats.Stat st = stats.get(s);
                if (st == null || st.text == 0) {
                    continue; // an empty or inline sibling (an image, a spacer) neither leads nor stops the walk
                }
                if (st.content < Heuristics.LEAD_MIN_CONTENT_CHARS || st.linkDensity() > Heuristics.LEAD_MAX_LINK_DENSITY
                        || BoilerplateClassifier.classify(s) != BoilerplateClassifier.Verdict.NONE
                        || Heuristics.FURNITURE_TAGS.contains(s.normalName())) {
                    break;
                }
                found.add(0, s);
            }
            lead.addAll(0, found);
            child = child.parent();
            if (child == body) {
                break;
            }
        }
        if (lead.isEmpty()) {
            return roots;
        }
        List<Element> out = new ArrayList<>(lead);
        out.addAll(roots);
        return out;
    }

    /** The content root(s), in document order. */
    static List<Element> choose(Element body, TextStats stats) {
        List<Element> roots = new ArrayList<>();

        Element scored = descend(body, stats);
        int scoredContent = stats.get(scored).content;

        // known content containers, best rank first, then most content
        TextStats.Stat bestContainer = null;
        int bestRank = Integer.MAX_VALUE;
        List<TextStats.Stat> containers = new ArrayList<>();
        for (TextStats.Stat s : stats.all()) {
            int rank = BoilerplateClassifier.contentContainerRank(s.element);
            if (rank < 0 || s.content < Heuristics.MIN_SCORED_BLOCK_CHARS) {
                continue;
            }
            containers.add(s);
            if (s.content >= Heuristics.CONTAINER_MIN_SHARE * scoredContent
                    && (rank < bestRank || rank == bestRank && s.content > bestContainer.content)) {
                bestRank = rank;
                bestContainer = s;
            }
        }
        if (bestContainer == null) {
            roots.add(scored);
            return roots;
        }
        // the same container name repeated (an article body split by ads or a paywall marker)
        for (TextStats.Stat s : containers) {
            if (s == bestContainer) {
                roots.add(s.element);
            } else if (BoilerplateClassifier.contentContainerRank(s.element) == bestRank
                    && s.content >= Heuristics.SIBLING_CONTAINER_MIN_SHARE * bestContainer.content
                    && !related(s.element, bestContainer.element)
                    && roots.stream().noneMatch(r -> related(r, s.element))) {
                roots.add(s.element);
            }
        }
        return roots;
    }

    /** Walks down from the root into the dominant child while there is one. */
    static Element descend(Element root, TextStats stats) {
        Element current = root;
        while (true) {
            TextStats.Stat cur = stats.get(current);
            Element best = null;
            int bestContent = -1;
            for (Element child : current.children()) {
                TextStats.Stat s = dominantBlock(child, stats);
                if (s != null && s.content > bestContent) {
                    bestContent = s.content;
                    best = s.element;
                }
            }
            if (best == null || cur.content == 0 || bestContent < Heuristics.DOMINANT_CHILD_SHARE * cur.content) {
                return current;
            }
            // a single paragraph is not a container: stop at its parent
            if (stats.get(best).paragraphs <= 1 && cur.paragraphs > 1) {
                return current;
            }
            current = best;
        }
    }

    /** The stats of a child, looking through inline wrappers (a {@code <span>} or custom tag around blocks). */
    private static TextStats.Stat dominantBlock(Element child, TextStats stats) {
        Element e = child;
        for (int i = 0; i < 4 && e != null; i++) {
            TextStats.Stat s = stats.get(e);
            if (s != null) {
                return s;
            }
            e = e.childrenSize() == 1 ? e.child(0) : null;
        }
        return null;
    }

    private static boolean related(Element a, Element b) {
        for (Element x = a; x != null; x = x.parent()) {
            if (x == b) {
                return true;
            }
        }
        for (Element x = b; x != null; x = x.parent()) {
            if (x == a) {
                return true;
            }
        }
        return false;
    }
}
