package dev.newswire.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyset pagination: where the previous page ended, as an opaque string. With a text query the order is rank, then
 * id ({@code r}); without one it is the publication time, then id ({@code t}; articles without a date last).
 */
record Cursor(char kind, float rank, Instant time, String id) {

    private static final Pattern FORM = Pattern.compile("([rt])1:(-?[0-9a-f]{1,19}|none):([0-9a-f]{32})");
    static final String NO_TIME = "none";

    static Cursor afterRank(float rank, String id) {
        return new Cursor('r', rank, null, id);
    }

    /** @param time the publication time, or null for an article without one */
    static Cursor afterTime(Instant time, String id) {
        return new Cursor('t', 0, time, id);
    }

    String encode() {
        String key = kind == 'r' ? Integer.toHexString(Float.floatToIntBits(rank))
                : time == null ? NO_TIME : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, time));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + "1:" + key + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @param ranked whether the query has a text query (the cursor must come from the same kind of query) */
    static Cursor decode(String s, boolean ranked) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Matcher m = FORM.matcher(plain);
        if (!m.matches()) {
            throw invalid();
        }
        char kind = m.group(1).charAt(0);
        if ((kind == 'r') != ranked) {
            throw new InvalidQueryException("cursor belongs to a query " + (ranked ? "without" : "with") + " q");
        }
        try {
            if (kind == 'r') {
                return afterRank(Float.intBitsToFloat(Integer.parseUnsignedInt(m.group(2), 16)), m.group(3));
            }
            return afterTime(NO_TIME.equals(m.group(2)) ? null : Instant.EPOCH.plus(Long.parseLong(m.group(2)), ChronoUnit.MICROS),
                    m.group(3));
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static InvalidQueryException invalid() {
        return new InvalidQueryException("cursor is not one this API returned");
    }
}
