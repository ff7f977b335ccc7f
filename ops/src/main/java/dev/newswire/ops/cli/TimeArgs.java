package dev.newswire.ops.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the times and durations operators type: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, ISO-8601. */
public final class TimeArgs {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private TimeArgs() {
    }

    /** A duration: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT15M}. */
    public static Duration duration(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(s.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: '" + s + "' (examples: 30s, 15m, 2h, 1d, PT15M)");
        }
    }

    /**
     * A point in time: a duration ago ({@code 15m}), an ISO-8601 instant ({@code 2026-11-29T02:00:00Z}) or a UTC
     * date ({@code 2026-11-29}, its midnight).
     */
    public static Instant pointInTime(String s, Instant now) {
        String t = s.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // not an instant: try a date, then a duration
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a date
        }
        try {
            return now.minus(duration(t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a time or duration: '" + s
                    + "' (examples: 15m, 2h, 2026-11-29T02:00:00Z, 2026-11-29)");
        }
    }
}
