package dev.newswire.extract.step;

import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Parses the HTML with jsoup after two cheap guards. First the raw text is thinned: HTML comments and the bodies
 * of {@code <script>} (except JSON-LD) and {@code <style>} are cut out with a plain scan, which is much faster
 * than letting the parser tokenise them and often halves the work. Then the text is capped at
 * {@link Heuristics#MAX_HTML_CHARS} so a 10 MB page cannot take unbounded time or heap. Subtrees nested deeper
 * than {@link Heuristics#MAX_ELEMENT_DEPTH} are dropped later by {@link PruneStep} (generated or hostile markup).
 */
public final class ParseStep implements ExtractionStep {

    @Override
    public void apply(PageContext page) {
        String html = thin(page.takeHtml());
        if (html.length() > Heuristics.MAX_HTML_CHARS) {
            html = html.substring(0, Heuristics.MAX_HTML_CHARS);
        }
        Document doc = Parser.htmlParser().parseInput(html, page.url());
        page.setDoc(doc);
    }

    /** Removes comments and script/style bodies (keeping JSON-LD scripts) from raw HTML. */
    static String thin(String html) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        int n = html.length();
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 4 > n) {
                break;
            }
            int cutFrom = -1;
            int cutTo = -1;
            char c1 = html.charAt(lt + 1);
            if (c1 == '!' && html.startsWith("!--", lt + 1)) {
                int end = html.indexOf("-->", lt + 4);
                cutFrom = lt;
                cutTo = end < 0 ? n : end + 3;
            } else if ((c1 == 's' || c1 == 'S') && (startsWithTag(html, lt + 1, "script")
                    || startsWithTag(html, lt + 1, "style"))) {
                boolean script = startsWithTag(html, lt + 1, "script");
                String closing = script ? "</script" : "</style";
                int tagEnd = html.indexOf('>', lt);
                if (tagEnd < 0) {
                    break;
                }
                int close = indexOfIgnoreCase(html, closing, tagEnd + 1);
                if (close < 0) {
                    close = n;
                }
                boolean keep = script && isJsonLd(html, lt, tagEnd);
                if (!keep && close > tagEnd + 1) {
                    cutFrom = tagEnd + 1;
                    cutTo = close;
                }
                if (cutFrom < 0) {
                    i = Math.max(close, tagEnd + 1);
                    continue;
                }
            }
            if (cutFrom >= 0) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(html, copied, cutFrom);
                copied = cutTo;
                i = cutTo;
            } else {
                i = lt + 1;
            }
        }
        if (out == null) {
            return html;
        }
        out.append(html, Math.min(copied, n), n);
        return out.toString();
    }

    private static boolean startsWithTag(String html, int at, String tag) {
        int end = at + tag.length();
        if (end >= html.length() || !html.regionMatches(true, at, tag, 0, tag.length())) {
            return false;
        }
        char next = html.charAt(end);
        return next == '>' || next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '/';
    }

    private static boolean isJsonLd(String html, int from, int to) {
        return indexOfIgnoreCase(html.substring(from, to), "ld+json", 0) >= 0;
    }

    static int indexOfIgnoreCase(String s, String needle, int from) {
        char first = needle.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        int max = s.length() - needle.length();
        for (int i = Math.max(from, 0); i <= max; i++) {
            char c = s.charAt(i);
            if ((c == first || c == firstUpper) && s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
