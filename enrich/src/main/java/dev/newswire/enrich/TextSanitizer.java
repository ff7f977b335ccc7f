package dev.newswire.enrich;

/**
 * Removes what no consumer of an article wants and some stores refuse: control characters other than tab and
 * newline (PostgreSQL rejects NUL in text and jsonb), C1 controls, lone surrogates and non-characters.
 */
final class TextSanitizer {

    private TextSanitizer() {
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        while (i < n && keep(s, i)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, i);
        for (; i < n; i++) {
            if (keep(s, i)) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    private static boolean keep(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c == '\n' || c == '\t';
        }
        if (c >= 0x7F && c <= 0x9F) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c != '\uFFFE' && c != '\uFFFF';
    }
}
