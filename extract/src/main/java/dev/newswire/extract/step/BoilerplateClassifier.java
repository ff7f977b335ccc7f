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

    /** Classifies one element by its class names, id and ARIA role. */
    public static Verdict classify(Element e) {
        Verdict v = Verdict.NONE;
        String role = e.attr("role");
        if (!role.isEmpty() && Heuristics.FURNITURE_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            v = Verdict.NORMAL;
        }
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return v;
        }
        for (String name : TextUtil.attributeNames(e)) {
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
        // an article or main element is the story's own container: only a decisive sign removes it
        if (v != Verdict.DECISIVE && (e.normalName().equals("article") || e.normalName().equals("main"))) {
            return Verdict.NONE;
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

    /** Whether an element is hidden from readers (hidden attribute, display:none, aria-hidden). */
    public static boolean isHidden(Element e) {
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
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    /** Whether an element's class, id or itemprop names a main-content container; returns its rank or -1. */
    public static int contentContainerRank(Element e) {
        if ("articleBody".equals(e.attr("itemprop"))) {
            return 0;
        }
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return -1;
        }
        int best = -1;
        for (String name : TextUtil.attributeNames(e)) {
            int i = Heuristics.CONTENT_CONTAINER_NAMES.indexOf(name);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best < 0 ? -1 : best + 1;
    }
}
