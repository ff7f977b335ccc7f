package dev.newswire.extract.step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The headline rule and the site-name cutting it relies on. */
final class Titles {

    private Titles() {
    }

    /**
     * The headline: an {@code <h1>} that the page title or og:title also carries is the safest choice; else the
     * page's first visible {@code <h1>} of headline length that is not the site's name; else the JSON-LD
     * headline; else og:title or the {@code <title>} with the site name cut off.
     *
     * @param h1       the page's first {@code <h1>} texts
     * @param og       og:title, or null
     * @param ld       the JSON-LD headline, or null
     * @param titleTag the {@code <title>}, or null
     * @param siteName the site's name, or null
     */
    static String choose(List<String> h1, String og, String ld, String titleTag, String siteName) {
        String full = MetadataStep.firstNonBlank(og, ld, titleTag);
        for (String h : h1) {
            if (h.length() >= Heuristics.MIN_HEADLINE_CHARS && full != null && normal(full).contains(normal(h))) {
                return h;
            }
        }
        for (String h : h1) {
            if (h.length() >= Heuristics.MIN_HEADLINE_CHARS && h.length() <= Heuristics.MAX_HEADLINE_CHARS
                    && (siteName == null || !normal(h).equals(normal(siteName)))) {
                return h;
            }
        }
        if (ld != null && ld.length() >= Heuristics.MIN_HEADLINE_CHARS) {
            return ld;
        }
        String candidate = MetadataStep.firstNonBlank(og, titleTag);
        if (candidate != null) {
            return stripSiteName(candidate, siteName, h1.isEmpty() ? null : h1.get(0));
        }
        return h1.isEmpty() ? null : h1.get(0);
    }

    /**
     * Cuts "Headline | Site" / "Site - Headline" decorations: parts equal to the site name go; of the rest, the
     * part the page's {@code <h1>} shares most words with, else the longest. With two parts and no site name
     * known, the first is the headline unless it is much shorter (the usual "Headline | Site" order).
     */
    static String stripSiteName(String title, String siteName, String h1) {
        for (String sep : Heuristics.TITLE_SEPARATORS) {
            if (!title.contains(sep)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String p : title.split(Pattern.quote(sep))) {
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
            String best = h1 == null ? null : mostSharedWords(parts, h1);
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

    /** The part sharing most words with the headline (the first of a tie), or null when none shares any. */
    private static String mostSharedWords(List<String> parts, String h1) {
        Set<String> h1Words = new HashSet<>(List.of(normal(h1).split(" ")));
        String best = null;
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
        return best;
    }

    /** Lower-case letters and digits, single spaces between words. */
    static String normal(String s) {
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
}
