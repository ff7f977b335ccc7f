package dev.newswire.extract.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Page metadata: title, authors, published and modified dates (with their source), canonical URL, site name,
 * declared language and type, description. Sources in order of trust: JSON-LD (the article object), OpenGraph
 * and other {@code <meta>}, microdata and {@code <time>}, byline elements, then the URL. One pass over the tree
 * collects everything the rules below need.
 */
public final class MetadataStep implements ExtractionStep {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Meta names/properties, in order of trust, for each field. */
    static final List<String> PUBLISHED_META = List.of(
            "article:published_time", "og:article:published_time", "article.published", "datepublished",
            "pubdate", "publishdate", "publish-date", "publish_date", "sailthru.date", "parsely-pub-date",
            "dc.date.issued", "dcterms.created", "dc.date", "citation_publication_date", "date", "og:published_time",
            "cxenseparse:recs:publishtime", "article:published", "published_time", "release_date");
    static final List<String> MODIFIED_META = List.of(
            "article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified",
            "dcterms.modified", "article.updated", "og:article:modified_time", "modified_time", "revised");
    static final List<String> AUTHOR_META = List.of(
            "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
            "byl", "citation_author", "twitter:creator");
    static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
            "reviewnewsarticle", "backgroundnewsarticle", "advertisercontentarticle", "scholarlyarticle",
            "techarticle", "report", "liveblogposting", "posting", "socialmediaposting", "review", "howto",
            "medicalwebpage", "satiricalarticle", "recipe");

    private final DateParser dates;

    public MetadataStep(DateParser dates) {
        this.dates = dates;
    }

    @Override
    public void apply(PageContext page) {
        Collected c = collect(page);
        JsonNode article = mainJsonLdObject(c.jsonLd);

        // site name
        page.siteName = firstNonBlank(c.meta.get("og:site_name"), c.meta.get("application-name"),
                article == null ? null : text(article.path("publisher").path("name")),
                c.meta.get("twitter:site") == null ? null : c.meta.get("twitter:site").replaceFirst("^@", ""));

        // title
        page.title = chooseTitle(c, article, page.siteName);
        page.headline = c.h1.isEmpty() ? null : c.h1.get(0);

        // description
        page.description = firstNonBlank(c.meta.get("og:description"), c.meta.get("description"),
                c.meta.get("twitter:description"));

        // canonical url
        String canonical = firstNonBlank(c.canonical, c.meta.get("og:url"));
        page.canonicalUrl = canonical == null ? (page.url.isEmpty() ? null : page.url) : canonical;

        // language and type
        page.declaredLanguage = isoLanguage(firstNonBlank(c.htmlLang, c.meta.get("og:locale"),
                c.meta.get("content-language"), c.meta.get("language"),
                article == null ? null : text(article.path("inLanguage"))));
        String type = article == null ? null : typeOf(article);
        page.declaredType = firstNonBlank(type, c.meta.get("og:type"));
        if (article != null && article.has("isAccessibleForFree")) {
            String free = article.path("isAccessibleForFree").asText("").toLowerCase(Locale.ROOT);
            page.accessibleForFree = !(free.equals("false") || free.equals("0"));
        }

        // dates
        page.published = firstDate(
                article == null ? null : dates.parse(text(article.path("datePublished")), "json-ld"),
                metaDate(c.meta, PUBLISHED_META),
                c.itempropPublished == null ? null : dates.parse(c.itempropPublished, "meta"),
                c.firstTime == null ? null : dates.parse(c.firstTime, "time"),
                dates.parseUrl(page.url),
                c.firstTimeText == null ? null : dates.parseInText(c.firstTimeText, "text"),
                datedText(c.datedTexts),
                article == null ? null : dates.parse(text(article.path("dateCreated")), "json-ld"));
        page.modified = firstDate(
                article == null ? null : dates.parse(text(article.path("dateModified")), "json-ld"),
                metaDate(c.meta, MODIFIED_META),
                c.itempropModified == null ? null : dates.parse(c.itempropModified, "meta"));

        // authors
        List<String> authorCandidates = new ArrayList<>();
        if (article != null) {
            authorCandidates.addAll(jsonLdAuthors(article.path("author")));
        }
        if (authorCandidates.isEmpty()) {
            for (String key : AUTHOR_META) {
                String v = c.meta.get(key);
                if (v != null) {
                    authorCandidates.add(v);
                    break;
                }
            }
        }
        if (authorCandidates.isEmpty()) {
            authorCandidates.addAll(c.bylines);
        }
        if (authorCandidates.isEmpty()) {
            authorCandidates.addAll(c.classBylines);
        }
        String publisher = article == null ? null : text(article.path("publisher").path("name"));
        page.authors.addAll(AuthorNames.clean(authorCandidates, page.siteName, publisher));
    }

    // ------------------------------------------------------------------------------------------ collection

    /** What one pass over the document finds. */
    static final class Collected {
        final Map<String, String> meta = new HashMap<>();
        final List<String> jsonLd = new ArrayList<>();
        final List<String> h1 = new ArrayList<>();
        final List<String> bylines = new ArrayList<>();
        /** Texts of small elements whose class names an author or byline, the last resort for authors. */
        final List<String> classBylines = new ArrayList<>();
        String titleTag;
        String canonical;
        String htmlLang;
        String firstTime;
        String firstTimeText;
        String itempropPublished;
        String itempropModified;
        /** Short texts of elements whose class names a date ("post-date", "published", "posted-on"). */
        final List<String> datedTexts = new ArrayList<>();
    }

    static Collected collect(PageContext page) {
        Collected c = new Collected();
        Element html = page.doc.selectFirst("html");
        if (html != null) {
            c.htmlLang = html.attr("lang");
        }
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return;
                }
                switch (e.normalName()) {
                    case "meta" -> {
                        String key = e.hasAttr("property") ? e.attr("property") : e.hasAttr("name") ? e.attr("name")
                                : e.hasAttr("itemprop") ? e.attr("itemprop") : e.attr("http-equiv");
                        String content = e.attr("content");
                        if (!key.isEmpty() && !content.isBlank()) {
                            c.meta.putIfAbsent(key.toLowerCase(Locale.ROOT).trim(), TextUtil.clean(content));
                        }
                    }
                    case "script" -> {
                        if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                            StringBuilder sb = new StringBuilder();
                            for (Node child : e.childNodes()) {
                                if (child instanceof DataNode d) {
                                    sb.append(d.getWholeData());
                                }
                            }
                            c.jsonLd.add(sb.toString());
                        }
                    }
                    case "title" -> {
                        if (c.titleTag == null) {
                            c.titleTag = TextUtil.clean(e.text());
                        }
                    }
                    case "link" -> {
                        if (c.canonical == null && e.attr("rel").equalsIgnoreCase("canonical")) {
                            String href = e.absUrl("href");
                            c.canonical = href.isEmpty() ? e.attr("href") : href;
                        }
                    }
                    case "h1" -> {
                        if (c.h1.size() < 5) {
                            c.h1.add(TextUtil.clean(e.text()));
                        }
                    }
                    case "time" -> {
                        if (c.firstTime == null && e.hasAttr("datetime")) {
                            c.firstTime = e.attr("datetime");
                        } else if (c.firstTimeText == null) {
                            c.firstTimeText = e.text();
                        }
                    }
                    default -> {
                    }
                }
                if (c.datedTexts.size() < 4 && e.attributesSize() > 0 && e.childrenSize() <= 3) {
                    String cls = e.attr("class");
                    if (!cls.isEmpty() && namesADate(cls)) {
                        String t = shortText(e, 100);
                        if (t != null && t.length() >= 6) {
                            c.datedTexts.add(t);
                        }
                    }
                }
                String itemprop = e.attr("itemprop");
                if (!itemprop.isEmpty()) {
                    switch (itemprop) {
                        case "datePublished" -> {
                            if (c.itempropPublished == null) {
                                c.itempropPublished = e.hasAttr("content") ? e.attr("content")
                                        : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
                            }
                        }
                        case "dateModified" -> {
                            if (c.itempropModified == null) {
                                c.itempropModified = e.hasAttr("content") ? e.attr("content")
                                        : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
                            }
                        }
                        case "author", "creator" -> {
                            if (c.bylines.size() < 6) {
                                Element name = e.selectFirst("[itemprop=name]");
                                String v = name != null ? (name.hasAttr("content") ? name.attr("content") : name.text())
                                        : e.hasAttr("content") ? e.attr("content") : e.text();
                                c.bylines.add(v);
                            }
                        }
                        default -> {
                        }
                    }
                }
                if (c.bylines.size() < 6 && "author".equalsIgnoreCase(e.attr("rel")) && e.normalName().equals("a")) {
                    c.bylines.add(e.text());
                }
                if (c.classBylines.size() < 3 && e.attributesSize() > 0 && e.childrenSize() <= 3) {
                    String cls = e.attr("class");
                    if (!cls.isEmpty() && namesAByline(cls)) {
                        String t = shortText(e, 80);
                        if (t != null && t.length() >= 3) {
                            c.classBylines.add(t);
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
            }
        }, page.doc);
        return c;
    }

    // ------------------------------------------------------------------------------------------ JSON-LD

    /** The article object among all JSON-LD blocks ({@code @graph} and arrays flattened), or null. */
    static JsonNode mainJsonLdObject(List<String> blocks) {
        JsonNode fallback = null;
        for (String block : blocks) {
            JsonNode root;
            try {
                root = JSON.readTree(block.strip());
            } catch (Exception e) {
                continue; // broken JSON-LD is common; other sources still count
            }
            List<JsonNode> objects = new ArrayList<>();
            flatten(root, objects, 0);
            for (JsonNode o : objects) {
                String type = typeOf(o);
                if (type != null && ARTICLE_TYPES.contains(type)) {
                    return o;
                }
                if (fallback == null && type != null && type.equals("webpage") && o.has("datePublished")) {
                    fallback = o;
                }
            }
        }
        return fallback;
    }

    private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                flatten(n, out, depth + 1);
            }
        } else if (node.isObject()) {
            out.add(node);
            if (node.has("@graph")) {
                flatten(node.get("@graph"), out, depth + 1);
            }
            if (node.has("mainEntity")) {
                flatten(node.get("mainEntity"), out, depth + 1);
            }
        }
    }

    static String typeOf(JsonNode o) {
        JsonNode t = o.get("@type");
        if (t == null) {
            return null;
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                String s = x.asText("").toLowerCase(Locale.ROOT);
                if (ARTICLE_TYPES.contains(s)) {
                    return s;
                }
            }
            return t.size() > 0 ? t.get(0).asText("").toLowerCase(Locale.ROOT) : null;
        }
        return t.asText("").toLowerCase(Locale.ROOT);
    }

    private static List<String> jsonLdAuthors(JsonNode author) {
        List<String> out = new ArrayList<>();
        if (author == null || author.isMissingNode() || author.isNull()) {
            return out;
        }
        if (author.isArray()) {
            for (JsonNode a : author) {
                out.addAll(jsonLdAuthors(a));
            }
        } else if (author.isObject()) {
            String type = typeOf(author);
            if (type != null && type.equals("organization")) {
                return out;
            }
            String name = text(author.path("name"));
            if (name != null) {
                out.add(name);
            }
        } else if (author.isTextual()) {
            out.add(author.asText());
        }
        return out;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.size() == 0 ? null : text(n.get(0));
        }
        if (n.isObject()) {
            return n.has("name") ? text(n.get("name")) : n.has("@value") ? text(n.get("@value")) : null;
        }
        String s = n.asText();
        return s.isBlank() ? null : TextUtil.clean(org.jsoup.parser.Parser.unescapeEntities(s, false));
    }

    // ------------------------------------------------------------------------------------------ title

    /**
     * The headline: an {@code <h1>} that the page title or og:title also carries is the safest choice; else the
     * JSON-LD headline or og:title; else the {@code <title>} with the site name cut off.
     */
    static String chooseTitle(Collected c, JsonNode article, String siteName) {
        String og = c.meta.get("og:title");
        String ld = article == null ? null : text(article.path("headline"));
        String full = firstNonBlank(og, ld, c.titleTag);
        for (String h1 : c.h1) {
            if (h1.length() >= 10 && full != null && normal(full).contains(normal(h1))) {
                return h1;
            }
        }
        // the page's first visible headline of headline length, when it is not the site's name or logo
        for (String h1 : c.h1) {
            if (h1.length() >= 10 && h1.length() <= 300 && (siteName == null || !normal(h1).equals(normal(siteName)))) {
                return h1;
            }
        }
        if (ld != null && ld.length() >= 10) {
            return ld;
        }
        String candidate = firstNonBlank(og, c.titleTag);
        if (candidate != null) {
            return stripSiteName(candidate, siteName, c.h1.isEmpty() ? null : c.h1.get(0));
        }
        return c.h1.isEmpty() ? null : c.h1.get(0);
    }

    /**
     * Cuts "Headline | Site" / "Site - Headline" decorations: parts equal to the site name go; of the rest, the
     * part the page's {@code <h1>} shares most words with, else the longest. With two parts and no site name
     * known, the first is the headline unless it is much shorter (the usual "Headline | Site" order).
     */
    static String stripSiteName(String title, String siteName, String h1) {
        String[] separators = {" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "};
        for (String sep : separators) {
            if (!title.contains(sep)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String p : title.split(java.util.regex.Pattern.quote(sep))) {
                String t = p.strip();
                if (!t.isEmpty() && (siteName == null || !normal(t).equals(normal(siteName)))) {
                    parts.add(t);
                }
            }
            if (parts.isEmpty()) {
                return title;
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            String best = null;
            if (h1 != null) {
                Set<String> h1Words = new java.util.HashSet<>(List.of(normal(h1).split(" ")));
                int bestShared = 0;
                for (String p : parts) {
                    int shared = 0;
                    for (String w : normal(p).split(" ")) {
                        if (h1Words.contains(w)) {
                            shared++;
                        }
                    }
                    if (shared > bestShared) {
                        bestShared = shared;
                        best = p;
                    }
                }
            }
            if (best == null && siteName == null && parts.size() == 2
                    && parts.get(0).length() * 2 >= parts.get(1).length()) {
                best = parts.get(0);
            }
            if (best == null) {
                for (String p : parts) {
                    if (best == null || p.length() > best.length()) {
                        best = p;
                    }
                }
            }
            return best;
        }
        return title;
    }

    /** Lower-case letters and digits, single spaces between words. */
    private static String normal(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && sb.length() > 0) {
                    sb.append(' ');
                }
                gap = false;
                sb.append(Character.toLowerCase(c));
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private DateValue datedText(List<String> texts) {
        for (String t : texts) {
            DateValue v = dates.parseInText(t, "text");
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * The element's text when it is at most {@code max} characters, else null; stops reading as soon as the text
     * is too long, so a wrongly named wrapper around the whole article costs nothing.
     */
    static String shortText(Element e, int max) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof org.jsoup.nodes.TextNode t) {
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

    /** Whether a class attribute names an author's name or a byline (not an author box or bio). */
    static boolean namesAByline(String cls) {
        return (has(cls, "author") || has(cls, "byline")) && !has(cls, "bio") && !has(cls, "box")
                && !has(cls, "avatar") && !has(cls, "desc") && !has(cls, "img") && !has(cls, "image");
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

    /** Whether a class attribute names a date element; "update" is left out (that is the modified date). */
    static boolean namesADate(String cls) {
        return (has(cls, "date") || has(cls, "publish") || has(cls, "posted")) && !has(cls, "update")
                && !has(cls, "modif");
    }

    private DateValue metaDate(Map<String, String> meta, List<String> keys) {
        for (String key : keys) {
            DateValue v = dates.parse(meta.get(key), "meta");
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static DateValue firstDate(DateValue... values) {
        for (DateValue v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** "en-US", "en_GB", "de" to the ISO 639-1 code; null when not a language tag. */
    static String isoLanguage(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int cut = 0;
        while (cut < t.length() && Character.isLetter(t.charAt(cut))) {
            cut++;
        }
        String code = t.substring(0, cut);
        return code.length() == 2 ? code : null;
    }

    /** Authors' names cleaned of "By", roles and non-people. */
    public static final class AuthorNames {
        private static final java.util.regex.Pattern BY_PREFIX =
                java.util.regex.Pattern.compile("(?i)^(written |posted |reported |text |words )?by[: ]\\s*");
        private static final java.util.regex.Pattern NAME_SEPARATORS = java.util.regex.Pattern.compile(
                "(?i)\\s*(,|;|&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\|)\\s*");
        private static final java.util.regex.Pattern NAME_PUNCTUATION =
                java.util.regex.Pattern.compile("^[-–—:·•]+|[-–—:·•]+$");

        private AuthorNames() {
        }

        /** Splits, cleans and filters raw author strings; keeps order, drops duplicates. */
        public static List<String> clean(List<String> raw, String siteName, String publisher) {
            Set<String> seen = new LinkedHashSet<>();
            List<String> out = new ArrayList<>();
            for (String r : raw) {
                if (r == null) {
                    continue;
                }
                String s = TextUtil.clean(r);
                if (s.startsWith("http") || s.contains("@") && !s.contains(" ")) {
                    continue;
                }
                s = BY_PREFIX.matcher(s).replaceFirst("");
                for (String part : NAME_SEPARATORS.split(s)) {
                    String name = NAME_PUNCTUATION.matcher(part.strip()).replaceAll("").strip();
                    if (!isPersonName(name, siteName, publisher)) {
                        continue;
                    }
                    if (seen.add(name.toLowerCase(Locale.ROOT))) {
                        out.add(name);
                    }
                }
            }
            return out.size() > 6 ? out.subList(0, 6) : out;
        }

        static boolean isPersonName(String name, String siteName, String publisher) {
            if (name.length() < 3 || name.length() > 60) {
                return false;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (Heuristics.CREDENTIALS.contains(lower.replace(".", "")) || name.equals(name.toUpperCase(Locale.ROOT))
                    && name.length() <= 6) {
                return false; // "MS", "RD", "PhD", "FAND": credentials after a name, not names
            }
            if (Heuristics.NON_AUTHOR_NAMES.contains(lower)) {
                return false;
            }
            if (siteName != null && lower.equals(siteName.toLowerCase(Locale.ROOT))) {
                return false;
            }
            if (publisher != null && lower.equals(publisher.toLowerCase(Locale.ROOT))) {
                return false;
            }
            int words = 1;
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) == ' ') {
                    words++;
                }
            }
            if (words > 5) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                char ch = name.charAt(i);
                if (Character.isDigit(ch) || ch == '/' || ch == '=' || ch == '{') {
                    return false;
                }
            }
            return Character.isLetter(name.charAt(0));
        }
    }
}
