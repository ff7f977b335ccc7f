package dev.newswire.ops.cli;

/**
 * Makes untrusted text (crawled titles, error messages) safe to print on a terminal: control characters, ANSI escape
 * sequences and bidirectional overrides could otherwise rewrite the operator's screen or disguise text.
 */
public final class Terminal {

    private Terminal() {
    }

    /** {@code s} with control and bidi-control characters replaced by a visible escape; null becomes "". */
    public static String safe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
            if (unsafe) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(c == '\n' || c == '\t' || c == '\r' ? ' ' : '\uFFFD');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** {@link #safe(String)}, cut to {@code max} characters with an ellipsis. */
    public static String safe(String s, int max) {
        String t = safe(s);
        return t.length() > max ? t.substring(0, Math.max(0, max - 1)) + "…" : t;
    }
}
