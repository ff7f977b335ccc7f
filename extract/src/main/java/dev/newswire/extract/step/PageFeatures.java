package dev.newswire.extract.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The features the page-kind classifier reads: declared types, URL words, the shape of the main text, and the
 * element counts of {@link PageSignals}. Every feature is about in [0, 1]; the names are the keys of the weights
 * file ({@link PageKindClassifier}).
 */
public final class PageFeatures {

    /** Feature names, in the order of the vector {@link #of} fills. */
    public static final List<String> NAMES = names();

    private static final java.util.regex.Pattern SLUG_SEPARATOR = java.util.regex.Pattern.compile("[-_]");
    private static final java.util.regex.Pattern YEAR_SEGMENT = java.util.regex.Pattern.compile("/(19|20)\\d\\d/");
    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}]+");

    private PageFeatures() {
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        n.add("bias");
        for (String k : Heuristics.PAGE_TYPE_CUES.keySet()) {
            n.add("type:" + k);
        }
        for (String k : Heuristics.PAGE_URL_CUES.keySet()) {
            n.add("url:" + k);
        }
        for (String k : Heuristics.PAGE_URL_CUES.keySet()) {
            n.add("title:" + k);
        }
        n.addAll(List.of("url:root", "url:depth", "url:slug-words", "url:year", "url:none",
                "date:metadata", "date:any", "authors", "title-in-text",
                "text:log-chars", "text:short", "text:blocks", "text:page-share", "text:link-density",
                "page:link-density", "page:log-chars",
                "blocks:li-share", "blocks:heading-share", "blocks:short-share", "blocks:mean-len", "blocks:dropped-share",
                "count:articles", "count:times", "count:code", "count:inputs", "count:links-per-char", "count:elements"));
        for (String k : Heuristics.PAGE_CLASS_CUES.keySet()) {
            n.add("cue:" + k);
        }
        n.addAll(List.of("no-date&no-author", "no-date&code", "url:forum&cue:forum", "url:docs&no-date",
                "type:article&date", "short&link-dense", "no-date&short"));
        return List.copyOf(n);
    }

    /** The feature vector of a page that has been through every step before the page-kind step. */
    public static double[] of(PageContext page) {
        double[] f = new double[NAMES.size()];
        Metadata meta = page.metadata();
        PageSignals sig = meta.signals();
        int k = 0;
        f[k++] = 1;
        for (Set<String> types : Heuristics.PAGE_TYPE_CUES.values()) {
            f[k++] = intersects(sig.types(), types) ? 1 : 0;
        }
        String url = meta.canonicalUrl() != null ? meta.canonicalUrl() : page.url();
        List<String> path = pathWords(url);
        for (Set<String> words : Heuristics.PAGE_URL_CUES.values()) {
            f[k++] = intersects(path, words) ? 1 : 0;
        }
        List<String> titleWords = words(meta.title() == null ? "" : meta.title() + " " + (meta.siteName() == null ? "" : meta.siteName()));
        for (Set<String> words : Heuristics.PAGE_URL_CUES.values()) {
            f[k++] = intersects(titleWords, words) ? 1 : 0;
        }
        String[] segments = segments(url);
        String last = segments.length == 0 ? "" : segments[segments.length - 1];
        f[k++] = segments.length == 0 && url != null && !url.isEmpty() ? 1 : 0;
        f[k++] = Math.min(segments.length, 6) / 6.0;
        f[k++] = Math.min(SLUG_SEPARATOR.split(last).length, 10) / 10.0;
        f[k++] = url != null && YEAR_SEGMENT.matcher(url).find() ? 1 : 0;
        f[k++] = url == null || url.isEmpty() ? 1 : 0;
        DateValue published = meta.published();
        f[k++] = published != null && (published.source().equals("json-ld") || published.source().equals("meta")) ? 1 : 0;
        f[k++] = page.published() != null ? 1 : 0;
        f[k++] = meta.authors().isEmpty() ? 0 : 1;
        f[k++] = meta.title() != null && meta.headline() != null ? 1 : 0;
        List<Block> blocks = page.blocks();
        int chars = 0;
        int li = 0;
        int headings = 0;
        int shortChars = 0;
        int linkChars = 0;
        for (Block b : blocks) {
            int n = b.text().length();
            chars += n;
            linkChars += b.linkChars();
            if (b.tag().equals("li")) {
                li += n;
            }
            if (b.isHeading()) {
                headings += n;
            }
            if (n < 80) {
                shortChars += n;
            }
        }
        int dropped = 0;
        for (Block b : page.droppedBlocks()) {
            dropped += b.text().length();
        }
        PageContext.Pruned pruned = page.pruned();
        int pageChars = pruned == null ? 0 : pruned.pageTextChars();
        f[k++] = log1p(chars) / 12;
        f[k++] = chars < 1500 ? 1 : 0;
        f[k++] = log1p(blocks.size()) / 7;
        f[k++] = pageChars == 0 ? 0 : Math.min(1, (double) chars / pageChars);
        f[k++] = chars == 0 ? 0 : Math.min(1, (double) linkChars / chars);
        f[k++] = pageChars == 0 ? 0 : Math.min(1, (double) pruned.pageLinkChars() / pageChars);
        f[k++] = log1p(pageChars) / 12;
        f[k++] = share(li, chars);
        f[k++] = share(headings, chars);
        f[k++] = share(shortChars, chars);
        f[k++] = blocks.isEmpty() ? 0 : log1p((double) chars / blocks.size()) / 7;
        f[k++] = share(dropped, chars + dropped);
        f[k++] = log1p(sig.articles()) / 4;
        f[k++] = log1p(sig.times()) / 5;
        f[k++] = log1p(sig.code()) / 5;
        f[k++] = log1p(sig.inputs()) / 5;
        f[k++] = pageChars == 0 ? 0 : Math.min(1, sig.links() * 50.0 / pageChars);
        f[k++] = log1p(sig.elements()) / 10;
        for (int c : sig.cues()) {
            f[k++] = log1p(c) / 6;
        }
        boolean noDate = page.published() == null;
        boolean noAuthor = meta.authors().isEmpty();
        f[k++] = noDate && noAuthor ? 1 : 0;
        f[k++] = noDate ? log1p(sig.code()) / 5 : 0;
        f[k++] = intersects(path, Heuristics.PAGE_URL_CUES.get("forum")) ? log1p(sig.cue("forum")) / 6 : 0;
        f[k++] = noDate && intersects(path, Heuristics.PAGE_URL_CUES.get("docs")) ? 1 : 0;
        f[k++] = intersects(sig.types(), Heuristics.PAGE_TYPE_CUES.get("article")) && !noDate ? 1 : 0;
        f[k++] = chars < 1500 && pageChars > 0 && pruned.pageLinkChars() > 0.3 * pageChars ? 1 : 0;
        f[k++] = noDate && chars < 1500 ? 1 : 0;
        return f;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static boolean intersects(java.util.Collection<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    /** The path of a URL split into segments (no host, no query). */
    static String[] segments(String url) {
        if (url == null) {
            return new String[0];
        }
        String u = url;
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            int slash = u.indexOf('/', scheme + 3);
            u = slash < 0 ? "" : u.substring(slash);
        }
        int q = indexOfAny(u, '?', '#');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        List<String> out = new ArrayList<>();
        for (String s : u.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out.toArray(new String[0]);
    }

    /** The lower-case words (letter runs) of a URL's host labels before the domain and of its path. */
    static List<String> pathWords(String url) {
        List<String> out = new ArrayList<>();
        if (url == null) {
            return out;
        }
        String u = url.toLowerCase(Locale.ROOT);
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            int slash = u.indexOf('/', scheme + 3);
            String host = slash < 0 ? u.substring(scheme + 3) : u.substring(scheme + 3, slash);
            String[] labels = host.split("\\.");
            for (int i = 0; i < labels.length - 2; i++) {
                if (!labels[i].equals("www")) {
                    out.add(labels[i]); // "forum.example.com", "docs.example.com"
                }
            }
        }
        for (String s : segments(url)) {
            for (String w : NOT_LETTERS.split(s.toLowerCase(Locale.ROOT))) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** The lower-case words (letter runs) of a text. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : NOT_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /** The kinds the classifier tells apart, in the order of its weights file. */
    public static final List<String> KINDS = List.of("article", "forum", "listing", "product", "service", "documentation");

    /** The kind of a labelled page type of the evaluation sets ("collection" pages are listings). */
    public static String kindOf(String pageType) {
        return switch (pageType) {
            case "collection" -> "listing";
            default -> pageType;
        };
    }

    /** ln(1 + x); {@code Math.log1p} is several times slower and the precision is not needed here. */
    private static double log1p(double x) {
        return Math.log(1 + x);
    }
}
