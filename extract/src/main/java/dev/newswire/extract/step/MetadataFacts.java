package dev.newswire.extract.step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The raw material of the metadata rules, gathered in one pass over the document: {@code <meta>} values, JSON-LD
 * blocks, {@code <title>}, canonical link, {@code <h1>}s, the first {@code <time>}, microdata dates and
 * bylines, {@code rel=author} links, and short texts of elements whose class names a byline or a date. The
 * caps are in {@link Heuristics}. Nothing is judged here; {@link MetadataStep} decides.
 */
final class MetadataFacts {

    /** Meta values by lower-cased property/name/itemprop/http-equiv; the first of each key wins. */
    final Map<String, String> meta = new HashMap<>();
    /** The text of every JSON-LD script, in document order. */
    final List<String> jsonLd = new ArrayList<>();
    /** The first {@code <h1>} texts. */
    final List<String> h1 = new ArrayList<>();
    /** Microdata {@code author}/{@code creator} names and {@code rel=author} link texts. */
    final List<String> bylines = new ArrayList<>();
    /** Texts of small elements whose class names an author or byline. */
    final List<String> classBylines = new ArrayList<>();
    /** Short texts of elements whose class names a date ("post-date", "published", "posted-on"). */
    final List<String> datedTexts = new ArrayList<>();
    String titleTag;
    String canonical;
    String htmlLang;
    /** The first {@code <time datetime>} value. */
    String firstTime;
    /** The text of the first {@code <time>} read without a usable {@code datetime}. */
    String firstTimeText;
    String itempropPublished;
    String itempropModified;
    // page signals (see PageSignals)
    final java.util.Set<String> microdataTypes = new java.util.HashSet<>();
    int elements;
    int articles;
    int times;
    int code;
    int inputs;
    int links;
    final int[] cues = new int[Heuristics.PAGE_CLASS_CUES.size()];

    private MetadataFacts() {
    }

    /** One pass over the document. */
    static MetadataFacts collect(Document doc) {
        MetadataFacts f = new MetadataFacts();
        Element html = doc.selectFirst("html");
        if (html != null) {
            f.htmlLang = html.attr("lang");
        }
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    f.visit(e);
                }
            }

            @Override
            public void tail(Node node, int depth) {
            }
        }, doc);
        return f;
    }

    private void visit(Element e) {
        // one look-up per class attribute gives the page cues and whether it names a date or a byline
        String cls = e.attributesSize() == 0 ? "" : e.attr("class");
        int classMask = cls.isEmpty() ? 0 : PageSignals.classMask(cls);
        count(e, classMask);
        switch (e.normalName()) {
            case "meta" -> meta(e);
            case "script" -> {
                if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                    jsonLd.add(data(e));
                }
            }
            case "title" -> {
                if (titleTag == null) {
                    titleTag = TextUtil.clean(e.text());
                }
            }
            case "link" -> {
                if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical")) {
                    String href = e.absUrl("href");
                    canonical = href.isEmpty() ? e.attr("href") : href;
                }
            }
            case "h1" -> {
                if (h1.size() < Heuristics.MAX_H1S) {
                    h1.add(TextUtil.clean(e.text()));
                }
            }
            case "time" -> {
                if (firstTime == null && e.hasAttr("datetime")) {
                    firstTime = e.attr("datetime");
                } else if (firstTimeText == null) {
                    firstTimeText = e.text();
                }
            }
            default -> {
            }
        }
        if (datedTexts.size() < Heuristics.MAX_DATED_TEXTS && (classMask & PageSignals.NAMES_A_DATE) != 0
                && isLabel(e)) {
            String t = shortText(e, Heuristics.MAX_DATED_TEXT_CHARS);
            if (t != null && t.length() >= Heuristics.MIN_DATED_TEXT_CHARS) {
                datedTexts.add(t);
            }
        }
        String itemprop = e.attr("itemprop");
        if (!itemprop.isEmpty()) {
            microdata(e, itemprop);
        }
        if (bylines.size() < Heuristics.MAX_BYLINES && "author".equalsIgnoreCase(e.attr("rel"))
                && e.normalName().equals("a")) {
            bylines.add(e.text());
        }
        if (classBylines.size() < Heuristics.MAX_CLASS_BYLINES && (classMask & PageSignals.NAMES_A_BYLINE) != 0
                && isLabel(e)) {
            String t = shortText(e, Heuristics.MAX_CLASS_BYLINE_CHARS);
            if (t != null && t.length() >= Heuristics.MIN_CLASS_BYLINE_CHARS) {
                classBylines.add(t);
            }
        }
    }

    private void count(Element e, int classMask) {
        elements++;
        switch (e.normalName()) {
            case "article" -> articles++;
            case "time" -> times++;
            case "pre", "code" -> code++;
            case "input", "select", "textarea", "button" -> inputs++;
            case "a" -> {
                if (e.hasAttr("href")) {
                    links++;
                }
            }
            default -> {
            }
        }
        int mask = classMask & PageSignals.CUE_BITS;
        if (e.attributesSize() > 1) {
            String id = e.attr("id");
            if (!id.isEmpty()) {
                mask |= PageSignals.classMask(id) & PageSignals.CUE_BITS;
            }
        }
        for (int i = 0; mask != 0; i++, mask >>>= 1) {
            if ((mask & 1) != 0) {
                cues[i]++;
            }
        }
        if (e.attributesSize() > 0) {
            String itemtype = e.attr("itemtype");
            if (!itemtype.isEmpty()) {
                int slash = itemtype.lastIndexOf('/');
                microdataTypes.add(itemtype.substring(slash + 1).strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    private void meta(Element e) {
        String key = e.hasAttr("property") ? e.attr("property") : e.hasAttr("name") ? e.attr("name")
                : e.hasAttr("itemprop") ? e.attr("itemprop") : e.attr("http-equiv");
        String content = e.attr("content");
        if (!key.isEmpty() && !content.isBlank()) {
            meta.putIfAbsent(key.toLowerCase(Locale.ROOT).trim(), TextUtil.clean(content));
        }
    }

    private void microdata(Element e, String itemprop) {
        switch (itemprop) {
            case "datePublished" -> {
                if (itempropPublished == null) {
                    itempropPublished = dateValue(e);
                }
            }
            case "dateModified" -> {
                if (itempropModified == null) {
                    itempropModified = dateValue(e);
                }
            }
            case "author", "creator" -> {
                if (bylines.size() < Heuristics.MAX_BYLINES) {
                    Element name = e.selectFirst("[itemprop=name]");
                    bylines.add(name != null ? (name.hasAttr("content") ? name.attr("content") : name.text())
                            : e.hasAttr("content") ? e.attr("content") : e.text());
                }
            }
            default -> {
            }
        }
    }

    private static String dateValue(Element e) {
        return e.hasAttr("content") ? e.attr("content") : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
    }

    private static String data(Element script) {
        StringBuilder sb = new StringBuilder();
        for (Node child : script.childNodes()) {
            if (child instanceof DataNode d) {
                sb.append(d.getWholeData());
            }
        }
        return sb.toString();
    }

    /** A small element with a class: the only kind read as a byline or a date line. */
    private static boolean isLabel(Element e) {
        return e.attributesSize() > 0 && e.childrenSize() <= Heuristics.MAX_LABEL_CHILDREN && !e.attr("class").isEmpty();
    }

    /** Whether a class attribute names an author's name or a byline (not an author box or bio). */
    static boolean namesAByline(String cls) {
        return containsAny(cls, Heuristics.BYLINE_CLASS_PARTS) && !containsAny(cls, Heuristics.NOT_BYLINE_CLASS_PARTS);
    }

    /** Whether a class attribute names a publication-date element (an "updated" one is the modified date). */
    static boolean namesADate(String cls) {
        return containsAny(cls, Heuristics.DATE_CLASS_PARTS) && !containsAny(cls, Heuristics.NOT_DATE_CLASS_PARTS);
    }

    private static boolean containsAny(String s, List<String> lowerNeedles) {
        for (String needle : lowerNeedles) {
            if (has(s, needle)) {
                return true;
            }
        }
        return false;
    }

    /** Case-insensitive "contains" without allocating (runs on every class attribute of the page). */
    private static boolean has(String s, String lowerNeedle) {
        int max = s.length() - lowerNeedle.length();
        char first = lowerNeedle.charAt(0);
        for (int i = 0; i <= max; i++) {
            char c = s.charAt(i);
            if ((c == first || c + 32 == first) && s.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The element's text when it is at most {@code max} characters, else null; stops reading as soon as the text
     * is too long, so a wrongly named wrapper around the whole article costs nothing.
     */
    static String shortText(Element e, int max) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText()).append(' ');
                    if (sb.length() > 4 * max) {
                        return FilterResult.STOP;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, e);
        if (sb.length() > 4 * max) {
            return null;
        }
        String t = TextUtil.clean(sb);
        return t.length() <= max ? t : null;
    }
}
