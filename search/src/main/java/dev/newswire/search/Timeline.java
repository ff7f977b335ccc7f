package dev.newswire.search;

import java.time.Instant;
import java.util.List;

/**
 * Attention over time: an entity's articles and mentions per hour or day, every bucket of the range present (zero
 * where nothing mentioned it). An article counts at its publication time, else at its first fetch.
 *
 * @param entity the entity asked for (name or id)
 * @param bucket {@code hour} or {@code day} (UTC)
 * @param since  start of the first bucket
 * @param until  end of the last bucket (exclusive)
 * @param points one per bucket, oldest first
 */
public record Timeline(String entity, String bucket, Instant since, Instant until, List<Point> points) {

    /** One bucket: its start, the articles mentioning the entity and their mentions of it. */
    public record Point(Instant t, long articles, long mentions) {
    }
}
