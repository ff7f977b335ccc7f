package dev.newswire.extract.step;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what is never article text. First, in one pass: non-content tags (scripts, navigation, forms
 * controls, media), hidden elements. Then page furniture ({@code header, footer, aside, form}, ARIA landmark
 * roles) and elements whose class/id names boilerplate (share bars, comments, related links, widgets, cookie
 * banners, author boxes), each guarded: an element is kept when it holds the article (a content container with
 * real text) or, for the less certain signs, a large share of the page's text.
 */
public final class PruneStep implements ExtractionStep {

    /** A content container protects its ancestors only when it holds at least this many characters. */
    static final int PROTECTING_CONTAINER_MIN_CHARS = 400;

    private static final Logger LOG = LoggerFactory.getLogger(PruneStep.class);

    @Override
    public void apply(PageContext page) {
        Element body = page.doc().body();
        if (body == null) {
            return;
        }
        List<Element> candidates = new ArrayList<>();
        List<Element> containers = new ArrayList<>();
        int[] inCode = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (depth >= Heuristics.MAX_ELEMENT_DEPTH || Heuristics.NON_CONTENT_TAGS.contains(e.normalName())
                        || BoilerplateClassifier.isHidden(e)) {
                    return FilterResult.REMOVE;
                }
                if (Heuristics.CODE_TAGS.contains(e.normalName())) {
                    inCode[0]++;
                }
                if (inCode[0] > 0) {
                    return FilterResult.CONTINUE; // classes in code are highlighting ("hljs-comment"), not page parts
                }
                if (e.normalName().equals("article") || e.normalName().equals("main")
                        || BoilerplateClassifier.contentContainerRank(e) >= 0) {
                    containers.add(e);
                }
                if (e == body) {
                    return FilterResult.CONTINUE;
                }
                if (Heuristics.FURNITURE_TAGS.contains(e.normalName())
                        || BoilerplateClassifier.classify(e) != BoilerplateClassifier.Verdict.NONE) {
                    candidates.add(e);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && Heuristics.CODE_TAGS.contains(e.normalName())) {
                    inCode[0]--;
                }
                return FilterResult.CONTINUE;
            }
        }, body);

        TextStats stats = TextStats.of(body);
        if (!candidates.isEmpty()) {
            removeBoilerplate(body, candidates, containers, stats);
        }
        TextStats.Stat bodyStat = stats.get(body);
        page.setPruned(new PageContext.Pruned(stats, bodyStat.text, bodyStat.link));
    }

    /** Removes the candidates that the guards let go, keeping the statistics up to date. */
    private static void removeBoilerplate(Element body, List<Element> candidates, List<Element> containers,
            TextStats stats) {
        int pageChars = stats.get(body).text;
        Set<Element> holdsArticle = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element c : containers) {
            if (BoilerplateClassifier.classify(c) == BoilerplateClassifier.Verdict.NONE
                    && chars(c, stats) >= PROTECTING_CONTAINER_MIN_CHARS) {
                for (Element a = c; a != null && holdsArticle.add(a); a = a.parent()) {
                    // marks the container and its ancestors
                }
            }
        }
        for (Element e : candidates) {
            if (e.parent() == null || holdsArticle.contains(e) || !isAttached(e, body)) {
                continue;
            }
            if (shouldRemove(e, chars(e, stats), pageChars)) {
                if (LOG.isTraceEnabled()) {
                    LOG.trace("prune {} .{} #{} chars={}/{} {}", e.normalName(), e.className(), e.id(),
                            chars(e, stats), pageChars, BoilerplateClassifier.classify(e));
                }
                stats.remove(e);
                e.remove();
            }
        }
    }

    /** Decides for one candidate, given the page's text size. */
    static boolean shouldRemove(Element e, int chars, int pageChars) {
        BoilerplateClassifier.Verdict v = BoilerplateClassifier.classify(e);
        double maxShare = switch (v) {
            case DECISIVE -> Heuristics.DECISIVE_MAX_SHARE;
            case NORMAL -> Heuristics.TOKEN_MAX_SHARE;
            case WEAK -> Heuristics.WEAK_TOKEN_MAX_SHARE;
            case NONE -> Heuristics.FURNITURE_MAX_SHARE; // a furniture tag without boilerplate class
        };
        if (v == BoilerplateClassifier.Verdict.WEAK && Heuristics.FURNITURE_TAGS.contains(e.normalName())) {
            maxShare = Heuristics.FURNITURE_MAX_SHARE;
        }
        return chars <= maxShare * Math.max(pageChars, 1);
    }

    private static boolean isAttached(Element e, Element body) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a == body) {
                return true;
            }
        }
        return false;
    }

    private static int chars(Element e, TextStats stats) {
        TextStats.Stat s = stats.get(e);
        return s != null ? s.text : textChars(e);
    }

    /** Non-whitespace characters of text under an element. */
    static int textChars(Element root) {
        int[] n = {0};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                for (int i = 0; i < s.length(); i++) {
                    if (!TextUtil.isSpace(s.charAt(i))) {
                        n[0]++;
                    }
                }
            }
        }, root);
        return n[0];
    }
}
