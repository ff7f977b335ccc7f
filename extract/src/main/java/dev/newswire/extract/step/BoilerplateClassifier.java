package dev.newswire.extract.step;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Judges an element's class, id and role against the boilerplate tokens of {@link Heuristics}. The answer says
 * how sure the match is; the caller weighs it against how much of the page's text the element holds.
 */
public final class BoilerplateClassifier {

    private BoilerplateClassifier() {
    }

    /** How strongly an element's attributes say "boilerplate". */
    public enum Verdict {
        /** No boilerplate sign. */
        NONE,
        /** Only tokens that also name page wrappers: remove small elements only. */
        WEAK,
        /** A boilerplate token: remove unless the element holds most of the page. */
        NORMAL,
        /** A token that names boilerplate whatever else the class says (comments, share bars, related links). */
        DECISIVE
    }

    /**
     * Verdicts per whole class attribute and per id. Class attributes repeat heavily within a page and across
     * pages of one CMS, so this saves most of the tokenising; the cache is simply emptied when it grows large.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Verdict> VERDICTS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> RANKS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 100_000;

    /** Classifies one element by its class names, id and ARIA role. */
    public static Verdict classify(Element e) {
        if (e.attributesSize() == 0) {
            return Verdict.NONE;
        }
        Verdict v = Verdict.NONE;
        String role = e.attr("role");
        if (!role.isEmpty() && Heuristics.FURNITURE_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            v = Verdict.NORMAL;
        }
        String cls = e.attr("class");
        if (!cls.isEmpty()) {
            v = max(v, cached(VERDICTS, cls, BoilerplateClassifier::classifyNames));
        }
        String id = e.attr("id");
        if (!id.isEmpty() && v != Verdict.DECISIVE) {
            v = max(v, cached(VERDICTS, "#" + id, k -> classifyNames(k.substring(1))));
        }
        // an article or main element is the story's own container: only a decisive sign removes it
        if (v != Verdict.DECISIVE && (e.normalName().equals("article") || e.normalName().equals("main"))) {
            return Verdict.NONE;
        }
        return v;
    }

    private static <V> V cached(java.util.concurrent.ConcurrentHashMap<String, V> cache, String key,
            java.util.function.Function<String, V> compute) {
        V v = cache.get(key);
        if (v == null) {
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            v = compute.apply(key);
            cache.put(key, v);
        }
        return v;
    }

    /** Classifies a whitespace-separated list of class names (or one id). */
    static Verdict classifyNames(String names) {
        Verdict v = Verdict.NONE;
        for (String raw : names.trim().split("\\s+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String name = raw.toLowerCase(Locale.ROOT);
            if (Heuristics.HIDDEN_CLASS_NAMES.contains(name)) {
                return Verdict.DECISIVE;
            }
            if (isDescriptive(name)) {
                continue;
            }
            v = max(v, classifyName(name));
            if (v == Verdict.DECISIVE) {
                return v;
            }
        }
        return v;
    }

    private static boolean isDescriptive(String name) {
        for (String prefix : Heuristics.DESCRIPTIVE_NAME_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Classifies one class name or id, e.g. {@code "post-share-bar"}. */
    static Verdict classifyName(String name) {
        List<String> tokens = tokens(name);
        // joined forms: "screen-reader-text", "sr-only", "visually-hidden"
        String joined = String.join("", tokens);
        if (joined.startsWith("screenreader") || joined.equals("sronly") || joined.startsWith("visuallyhidden")) {
            return Verdict.DECISIVE;
        }
        boolean layout = false;
        for (String prefix : Heuristics.LAYOUT_PREFIXES) {
            if (name.startsWith(prefix)) {
                layout = true;
                break;
            }
        }
        boolean content = false;
        Verdict found = Verdict.NONE;
        for (String t : tokens) {
            if (Heuristics.CONTENT_TOKENS.contains(t)) {
                content = true;
            }
            if (Heuristics.DECISIVE_TOKENS.contains(t)) {
                return Verdict.DECISIVE;
            }
            if (!layout && Heuristics.BOILERPLATE_TOKENS.contains(t)) {
                found = max(found, Heuristics.WEAK_BOILERPLATE_TOKENS.contains(t) ? Verdict.WEAK : Verdict.NORMAL);
            }
        }
        return content ? Verdict.NONE : found;
    }

    private static List<String> tokens(String name) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= name.length(); i++) {
            boolean letter = i < name.length() && Character.isLetterOrDigit(name.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                out.add(name.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    private static Verdict max(Verdict a, Verdict b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /**
     * Whether an element is hidden from readers: the {@code hidden} attribute, {@code aria-hidden="true"},
     * {@code visibility:hidden}. An inline {@code display:none} is not enough: collapsed accordions and tabs of
     * the article use it, and the menus and pop-ups that also use it carry boilerplate classes anyway.
     */
    public static boolean isHidden(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        if (e.hasAttr("hidden")) {
            // streamed server rendering parks finished content in hidden boundaries that a script swaps in
            return !e.id().startsWith(Heuristics.STREAMED_CONTENT_ID_PREFIX);
        }
        if ("true".equals(e.attr("aria-hidden"))) {
            return true;
        }
        String style = e.attr("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("visibility:hidden");
    }

    /** Whether an element's class, id or itemprop names a main-content container; returns its rank or -1. */
    public static int contentContainerRank(Element e) {
        if (e.attributesSize() == 0) {
            return -1;
        }
        if ("articleBody".equals(e.attr("itemprop"))) {
            return 0;
        }
        int best = -1;
        String cls = e.attr("class");
        if (!cls.isEmpty()) {
            best = cached(RANKS, cls, BoilerplateClassifier::rankNames);
        }
        String id = e.attr("id");
        if (!id.isEmpty()) {
            int r = cached(RANKS, "#" + id, k -> rankNames(k.substring(1)));
            if (r >= 0 && (best < 0 || r < best)) {
                best = r;
            }
        }
        return best;
    }

    private static int rankNames(String names) {
        int best = -1;
        for (String raw : names.trim().split("\\s+")) {
            int i = Heuristics.CONTENT_CONTAINER_NAMES.indexOf(raw.toLowerCase(Locale.ROOT));
            if (i >= 0 && (best < 0 || i + 1 < best)) {
                best = i + 1;
            }
        }
        return best;
    }
}
