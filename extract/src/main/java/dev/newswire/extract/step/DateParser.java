package dev.newswire.extract.step;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats found in page metadata and text: ISO 8601 (with or without time and zone), RFC 1123,
 * numeric {@code yyyy/mm/dd} and English month names ("September 4, 2025", "4 Sep 2025"). Impossible dates are
 * rejected: before {@link #MIN_YEAR}, or later than a day after now.
 */
public final class DateParser {

    /** No news page in our stream was published before this year; earlier dates are parsing noise. */
    public static final int MIN_YEAR = 1990;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|UTC|GMT)?)?");
    private static final Pattern URL_DATE = Pattern.compile("/((?:19|20)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?:/|-|$)");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?,?\\s+(\\d{4})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private final Clock clock;

    public DateParser(Clock clock) {
        this.clock = clock;
    }

    /** Parses a date string; null when it is not a date or an impossible one. */
    public DateValue parse(String raw, String source) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 200) {
            return null;
        }
        DateValue v = parseIso(s, source);
        if (v == null) {
            v = parseRfc1123(s, source);
        }
        if (v == null) {
            v = parseWords(s, source);
        }
        if (v == null) {
            Matcher m = NUMERIC.matcher(s);
            if (m.find()) {
                v = dateOnly(m.group(1), m.group(2), m.group(3), source);
            }
        }
        if (v == null && s.length() >= 10 && s.chars().allMatch(Character::isDigit)) {
            // epoch seconds or milliseconds
            try {
                long n = Long.parseLong(s);
                Instant t = s.length() >= 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
                v = new DateValue(t, t.atOffset(ZoneOffset.UTC).toLocalDate().toString(), source);
            } catch (RuntimeException e) {
                v = null;
            }
        }
        return plausible(v) ? v : null;
    }

    /** Finds a date written in running text ("Published September 4, 2025"); null when none. */
    public DateValue parseInText(String text, String source) {
        if (text == null) {
            return null;
        }
        DateValue v = parseWords(text, source);
        if (v == null) {
            Matcher m = ISO.matcher(text);
            if (m.find()) {
                v = dateOnly(m.group(1), m.group(2), m.group(3), source);
            }
        }
        return plausible(v) ? v : null;
    }

    /** A date in a URL path such as {@code /2025/09/04/slug}; null when none. */
    public DateValue parseUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (m.find()) {
            DateValue v = dateOnly(m.group(1), m.group(2), m.group(3), "url");
            return plausible(v) ? v : null;
        }
        return null;
    }

    /** Whether a date is possible for a news page: not before {@link #MIN_YEAR}, not in the future. */
    public boolean plausible(DateValue v) {
        if (v == null) {
            return false;
        }
        Instant now = clock.instant();
        return v.instant().isAfter(Instant.parse(MIN_YEAR + "-01-01T00:00:00Z"))
                && v.instant().isBefore(now.plusSeconds(36 * 3600));
    }

    private DateValue parseIso(String s, String source) {
        Matcher m = ISO.matcher(s);
        if (!m.lookingAt()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return new DateValue(date.atStartOfDay().toInstant(ZoneOffset.UTC), date.toString(), source);
            }
            LocalDateTime ldt = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            ZoneOffset offset = ZoneOffset.UTC;
            String z = m.group(7);
            if (z != null && !z.equals("Z") && !z.equals("UTC") && !z.equals("GMT")) {
                String digits = z.replace(":", "");
                int sign = digits.charAt(0) == '-' ? -1 : 1;
                int hh = Integer.parseInt(digits.substring(1, 3));
                int mm = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
                offset = ZoneOffset.ofHoursMinutes(sign * hh, sign * mm);
            }
            return new DateValue(OffsetDateTime.of(ldt, offset).toInstant(), date.toString(), source);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private DateValue parseRfc1123(String s, String source) {
        if (s.length() < 20 || !Character.isLetter(s.charAt(0)) || s.charAt(3) != ',') {
            return null;
        }
        try {
            ZonedDateTime t = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
            return new DateValue(t.toInstant(), t.toLocalDate().toString(), source);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private DateValue parseWords(String s, String source) {
        Matcher m = MONTH_DAY_YEAR.matcher(s);
        if (m.find()) {
            return dateOnly(m.group(3), String.valueOf(MONTHS.get(m.group(1).toLowerCase(Locale.ROOT))), m.group(2),
                    source);
        }
        m = DAY_MONTH_YEAR.matcher(s);
        if (m.find()) {
            return dateOnly(m.group(3), String.valueOf(MONTHS.get(m.group(2).toLowerCase(Locale.ROOT))), m.group(1),
                    source);
        }
        return null;
    }

    private static DateValue dateOnly(String y, String mo, String d, String source) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
            return new DateValue(date.atStartOfDay().toInstant(ZoneOffset.UTC), date.toString(), source);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
