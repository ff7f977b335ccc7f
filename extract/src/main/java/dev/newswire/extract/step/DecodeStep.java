package dev.newswire.extract.step;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bytes to text. Order: byte-order mark, then the HTTP charset, then the {@code <meta>} charset; each declared
 * charset is validated (a strict decode of the bytes) and skipped when the bytes are not valid in it, e.g. a page
 * declared UTF-8 that is not. When nothing declared fits, the charset is sniffed: valid UTF-8 first, then the
 * legacy charset whose decoding looks most like text. ISO-8859-1 and US-ASCII are read as windows-1252, as
 * browsers do. A single-byte declaration on bytes that are valid multi-byte UTF-8 is taken as a lie.
 */
public final class DecodeStep implements ExtractionStep {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Legacy charsets tried when sniffing, multi-byte first (their validity check is strong); windows-1252 before
     * the other Latin ones, since a later charset must score strictly better to win.
     */
    private static final List<Charset> SNIFF_CANDIDATES = available(
            "Shift_JIS", "EUC-JP", "EUC-KR", "GB18030", "Big5", "windows-1251", "KOI8-R", "windows-1252",
            "windows-1250", "ISO-8859-2", "windows-1253", "windows-1254", "windows-1255", "windows-1256",
            "ISO-8859-15");

    @Override
    public void apply(PageContext page) {
        byte[] body = page.takeBody();
        if (body == null || body.length == 0) {
            page.setUndecodable("empty body");
            return;
        }
        String binary = binarySign(body);
        if (binary != null) {
            page.setUndecodable(binary);
            return;
        }
        Decoded d = decode(body, page.contentType());
        page.setDecoded(d.text, d.charset.name());
        if (d.text.isBlank()) {
            page.setUndecodable("blank body");
        }
    }

    /** A decoded body and the charset used. */
    public record Decoded(String text, Charset charset) {
    }

    /** Decodes a body following the order described on the class. */
    public static Decoded decode(byte[] body, String contentType) {
        // 1. byte-order mark
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return new Decoded(new String(body, 3, body.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
            return new Decoded(new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
            return new Decoded(new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE);
        }
        // 2. and 3. declared charsets, validated
        for (String declared : new String[] {charsetFromContentType(contentType), metaCharset(body)}) {
            Charset cs = lookup(declared);
            if (cs == null) {
                continue;
            }
            if (cs == StandardCharsets.UTF_8) {
                // the common case, done without a second decoder pass
                if (isValidUtf8(body)) {
                    return new Decoded(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                }
                continue;
            }
            if (isAscii(body)) {
                return new Decoded(new String(body, StandardCharsets.ISO_8859_1), cs);
            }
            if (isSingleByte(cs) && isValidUtf8(body)) {
                // a single-byte label on valid multi-byte UTF-8: the label lies (a server default, a copied template)
                return new Decoded(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
            String text = strictDecode(body, cs);
            if (text != null) {
                return new Decoded(text, cs);
            }
        }
        // 4. sniffing
        if (isAscii(body)) {
            return new Decoded(new String(body, StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
        if (isValidUtf8(body)) {
            return new Decoded(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        return sniffLegacy(body);
    }

    /**
     * Picks the legacy charset whose strict decoding scores best as natural text. Only a sample of the body is
     * tried against every candidate (so a 10 MB page is not decoded fifteen times); the winner decodes the whole.
     */
    static Decoded sniffLegacy(byte[] body) {
        byte[] sample = sample(body);
        Charset bestCs = WINDOWS_1252;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Charset cs : SNIFF_CANDIDATES) {
            String text = strictDecode(sample, cs);
            if (text == null) {
                continue;
            }
            double score = textLikeness(text);
            if (score > bestScore) {
                bestScore = score;
                bestCs = cs;
            }
        }
        String whole = strictDecode(body, bestCs);
        // a bad byte past the sample: keep the charset, replace what cannot be read
        return new Decoded(whole != null ? whole : new String(body, bestCs), bestCs);
    }

    /**
     * The first {@link Heuristics#CHARSET_SNIFF_SAMPLE_BYTES} of the body, cut just before a {@code '<'}, a line
     * feed or a space: none of them can be the second byte of a character in any candidate charset, so the cut
     * never splits one. With no such byte in the next 4 KB, the whole body is the sample.
     */
    static byte[] sample(byte[] body) {
        if (body.length <= Heuristics.CHARSET_SNIFF_SAMPLE_BYTES) {
            return body;
        }
        int limit = Math.min(body.length, Heuristics.CHARSET_SNIFF_SAMPLE_BYTES + 4096);
        for (int cut = Heuristics.CHARSET_SNIFF_SAMPLE_BYTES; cut < limit; cut++) {
            if (body[cut] == '<' || body[cut] == '\n' || body[cut] == ' ') {
                return java.util.Arrays.copyOf(body, cut);
            }
        }
        return body;
    }

    /**
     * How much a decoding looks like natural text, per non-ASCII character. Kana and Hangul score high (only real
     * Japanese and Korean decode to many of them), common Han, Cyrillic and accented Latin letters score. Signs of a
     * wrong charset cost: C1 controls and private-use characters, a Cyrillic or Greek letter glued to ASCII letters
     * ("rйvolution" is windows-1252 read as windows-1251), Hangul and Han mixed inside one word (Chinese read as
     * EUC-KR), capitals after small letters (KOI8-R read as windows-1251 gives mostly capitals), runs of accented
     * Latin letters (UTF-8 or CJK bytes read as a Latin charset), and symbols.
     */
    static double textLikeness(String text) {
        double score = 0;
        int nonAscii = 0;
        int prevKind = OTHER;
        char prev = ' ';
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int kind = kindOf(c);
            if (c >= 128) {
                nonAscii++;
                char next = i + 1 < n ? text.charAt(i + 1) : ' ';
                boolean asciiNeighbour = prevKind == ASCII_LETTER || next < 128 && Character.isLetter(next);
                switch (kind) {
                    case BAD -> score -= 5;
                    case KANA -> score += 3;
                    case HANGUL -> score += prevKind == HAN ? -2 : 3;
                    case HAN -> score += prevKind == HANGUL ? -2 : c < 0x9FA6 ? 2 : -1;
                    case CJK_PUNCT -> score += 1;
                    case CYRILLIC, GREEK, SEMITIC -> {
                        if (asciiNeighbour) {
                            score -= 2;
                        } else if (Character.isUpperCase(c) && Character.isLetter(prev) && !Character.isUpperCase(prev)) {
                            score -= 1;
                        } else {
                            score += Character.isLowerCase(c) ? 1 : 0.3;
                        }
                    }
                    case LATIN -> {
                        score += prevKind == LATIN ? -1 : 0.8;
                        if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                            score -= 1;
                        }
                    }
                    case PUNCT -> score += 0.5;
                    default -> score -= 1;
                }
            }
            prevKind = kind;
            prev = c;
        }
        return nonAscii == 0 ? 0 : score / nonAscii;
    }

    private static final int OTHER = 0, ASCII_LETTER = 1, BAD = 2, KANA = 3, HANGUL = 4, HAN = 5, CJK_PUNCT = 6,
            CYRILLIC = 7, GREEK = 8, SEMITIC = 9, LATIN = 10, PUNCT = 11;

    private static int kindOf(char c) {
        if (c < 128) {
            return Character.isLetter(c) ? ASCII_LETTER : OTHER;
        }
        if (c < 0xA0 || c == '\ufffd' || (c >= 0xE000 && c <= 0xF8FF)) {
            return BAD;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        if (block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA) {
            return KANA;
        }
        if (block == Character.UnicodeBlock.HANGUL_SYLLABLES) {
            return HANGUL;
        }
        if (block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS) {
            return HAN;
        }
        if (block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
            return CJK_PUNCT;
        }
        if (block == Character.UnicodeBlock.CYRILLIC) {
            return CYRILLIC;
        }
        if (block == Character.UnicodeBlock.GREEK) {
            return GREEK;
        }
        if (block == Character.UnicodeBlock.HEBREW || block == Character.UnicodeBlock.ARABIC) {
            return SEMITIC;
        }
        if (Character.isLetter(c)) {
            return LATIN;
        }
        if (c == '\u2019' || c == '\u2018' || c == '\u201c' || c == '\u201d' || c == '\u2013' || c == '\u2014'
                || c == '\u00a0' || c == '\u2026' || c == '\u00ab' || c == '\u00bb' || c == '\u20ac' || c == '\u00b0') {
            return PUNCT;
        }
        return OTHER;
    }

    /** Decodes strictly; null when the bytes are not valid in the charset. */
    static String strictDecode(byte[] body, Charset cs) {
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer out = decoder.decode(ByteBuffer.wrap(body));
            return out.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Whether the bytes are well-formed UTF-8 (shortest forms, no surrogates). */
    static boolean isValidUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 3;
                min = 0x10000;
            } else {
                return false;
            }
            int cp = c & (0x3F >> len);
            for (int k = 1; k <= len; k++) {
                if (i + k >= n) {
                    // truncated sequence at the end of the body (a cut download): accept
                    return true;
                }
                int cc = b[i + k] & 0xff;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += len + 1;
        }
        return true;
    }

    static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSingleByte(Charset cs) {
        return cs.newEncoder().maxBytesPerChar() <= 1.0f;
    }

    /** Maps a charset label to a Java charset; ISO-8859-1 and ASCII become windows-1252. Null when unknown. */
    static Charset lookup(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
        switch (l) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso_8859-1", "l1", "cp819" -> {
                return WINDOWS_1252;
            }
            case "x-sjis", "sjis", "shift-jis", "ms_kanji", "windows-31j", "cp932" -> l = "windows-31j";
            case "gb2312", "gbk", "x-gbk", "cp936", "euc-cn" -> l = "GB18030";
            case "ks_c_5601-1987", "windows-949", "cp949", "euc_kr" -> l = "x-windows-949";
            case "utf8" -> l = "utf-8";
            default -> {
            }
        }
        try {
            return Charset.forName(l);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The charset parameter of a Content-Type header, or null. */
    static String charsetFromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int i = lower.indexOf("charset=");
        if (i < 0) {
            return null;
        }
        int start = i + 8;
        int end = start;
        while (end < lower.length() && lower.charAt(end) != ';' && lower.charAt(end) != ' ') {
            end++;
        }
        return contentType.substring(start, end).replace("\"", "").trim();
    }

    /**
     * The charset of a {@code <meta charset>} or {@code <meta http-equiv="Content-Type">} in the first bytes,
     * or null. Read as ASCII, which every candidate charset shares for markup.
     */
    static String metaCharset(byte[] body) {
        int n = Math.min(body.length, Heuristics.CHARSET_PRESCAN_BYTES);
        String head = new String(body, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int m = head.indexOf("<meta", from);
            if (m < 0) {
                return null;
            }
            int end = head.indexOf('>', m);
            if (end < 0) {
                return null;
            }
            String tag = head.substring(m, end);
            int c = tag.indexOf("charset");
            if (c >= 0) {
                int p = c + 7;
                while (p < tag.length() && (tag.charAt(p) == ' ' || tag.charAt(p) == '=' || tag.charAt(p) == '"'
                        || tag.charAt(p) == '\'')) {
                    p++;
                }
                int q = p;
                while (q < tag.length() && (Character.isLetterOrDigit(tag.charAt(q)) || tag.charAt(q) == '-'
                        || tag.charAt(q) == '_' || tag.charAt(q) == ':' || tag.charAt(q) == '.')) {
                    q++;
                }
                if (q > p) {
                    return tag.substring(p, q);
                }
            }
            from = end;
        }
    }

    /** A reason when the bytes are clearly not text (NUL bytes, known binary signatures), else null. */
    static String binarySign(byte[] body) {
        int n = Math.min(body.length, Heuristics.BINARY_SNIFF_BYTES);
        boolean utf16 = n >= 2 && ((body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE
                || (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF);
        if (utf16) {
            return null;
        }
        if (n >= 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
            return "binary content (PDF)";
        }
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int c = body[i] & 0xff;
            if (c == 0) {
                return "binary content (NUL byte at " + i + ")";
            }
            if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) {
                controls++;
            }
        }
        if (controls > n / 10 + 1) {
            return "binary content (" + controls + " control bytes)";
        }
        return null;
    }

    private static List<Charset> available(String... names) {
        List<Charset> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(Charset.forName(name));
            } catch (RuntimeException e) {
                // charset not in this JDK: skip it
            }
        }
        return List.copyOf(out);
    }
}
