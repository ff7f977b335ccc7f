package dev.newswire.extract.step;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/** Small string helpers shared by the steps; no regular expressions on hot paths. */
public final class TextUtil {

    private TextUtil() {
    }

    /**
     * Collapses runs of whitespace (including no-break and other Unicode spaces) to one space, drops
     * zero-width and soft-hyphen characters, trims, and NFC-normalises.
     */
    public static String clean(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200b' || c == '\u00ad' || c == '\ufeff' || c == '\u2060') {
                continue;
            }
            if (isSpace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            if (c > 127) {
                ascii = false;
            }
            sb.append(c);
        }
        String out = sb.toString();
        if (!ascii && !Normalizer.isNormalized(out, Normalizer.Form.NFC)) {
            out = Normalizer.normalize(out, Normalizer.Form.NFC);
        }
        return out;
    }

    /** Whether a character is whitespace for text purposes (ASCII, no-break, Unicode spaces, line separators). */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\u2028'
                || c == '\u2029' || c == '\u3000' || c == '\u202f' || (c >= '\u2000' && c <= '\u200a');
    }

    /** Lower-cased class and id tokens of an element: split on anything not a letter or digit. */
    public static List<String> attributeTokens(Element e) {
        List<String> tokens = new ArrayList<>(4);
        addTokens(e.className(), tokens);
        addTokens(e.id(), tokens);
        return tokens;
    }

    /** Lower-cased whole class names and the id of an element. */
    public static List<String> attributeNames(Element e) {
        List<String> names = new ArrayList<>(4);
        String cls = e.className();
        int start = -1;
        for (int i = 0; i <= cls.length(); i++) {
            boolean ws = i == cls.length() || Character.isWhitespace(cls.charAt(i));
            if (ws && start >= 0) {
                names.add(cls.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            } else if (!ws && start < 0) {
                start = i;
            }
        }
        String id = e.id();
        if (!id.isEmpty()) {
            names.add(id.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static void addTokens(String s, List<String> out) {
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean letter = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                out.add(s.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
    }

    /** Number of letters and digits in a string. */
    public static int wordChars(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
