package dev.newswire.extract.step;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Authors' names cleaned of "By", roles and non-people; the patterns and lists are in {@link Heuristics}. */
public final class AuthorNames {

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
            s = Heuristics.BYLINE_PREFIX.matcher(s).replaceFirst("");
            for (String part : Heuristics.AUTHOR_SEPARATORS.split(s)) {
                String name = Heuristics.AUTHOR_PUNCTUATION.matcher(part.strip()).replaceAll("").strip();
                if (isPersonName(name, siteName, publisher) && seen.add(name.toLowerCase(Locale.ROOT))) {
                    out.add(name);
                }
            }
        }
        return out.size() > Heuristics.MAX_AUTHORS ? out.subList(0, Heuristics.MAX_AUTHORS) : out;
    }

    static boolean isPersonName(String name, String siteName, String publisher) {
        if (name.length() < Heuristics.MIN_AUTHOR_NAME_CHARS || name.length() > Heuristics.MAX_AUTHOR_NAME_CHARS) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (Heuristics.CREDENTIALS.contains(lower.replace(".", ""))
                || name.equals(name.toUpperCase(Locale.ROOT)) && name.length() <= Heuristics.MAX_CREDENTIAL_CHARS) {
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
        if (words > Heuristics.MAX_AUTHOR_NAME_WORDS) {
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
