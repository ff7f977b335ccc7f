package dev.newswire.extract.step;

import java.time.Instant;

/**
 * A date found on the page.
 *
 * @param instant   the moment (UTC; midnight UTC for a bare date)
 * @param localDate the calendar date as the page wrote it (ISO {@code yyyy-MM-dd}), before any zone shift
 * @param source    where it came from: "json-ld", "meta", "time", "url" or "text"
 */
public record DateValue(Instant instant, String localDate, String source) {
}
