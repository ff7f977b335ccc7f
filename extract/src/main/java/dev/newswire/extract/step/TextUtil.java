package dev.newswire.extract.step;

import java.text.Normalizer;

/** Small string helpers shared by the steps; no regular expressions on hot paths. */
public final class TextUtil {

    private TextUtil() {
    }

    /**
     * Collapses runs of whitespace (including no-break and other Unicode spaces) to one space, drops
     * zero-width and soft-hyphen characters, turns control characters into spaces, trims, and NFC-normalises.
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
            if (isSpace(c) || c < 0x20 || c >= 0x7f && c <= 0x9f) {
                // control characters (a NUL from "&#0;", a stray C1 byte) are never text and a database refuses
                // NUL; they sit between words, so they separate like a space
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
}
