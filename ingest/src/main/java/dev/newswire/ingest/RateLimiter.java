package dev.newswire.ingest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per client (bearer token, else remote address): {@code ratePerSecond} pages a second on
 * average, bursts up to {@code burst}. Clients over their rate get 429 with Retry-After.
 */
final class RateLimiter {

    private final double ratePerSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    /** @param ratePerSecond 0 turns limiting off */
    RateLimiter(double ratePerSecond, double burst) {
        this.ratePerSecond = ratePerSecond;
        this.burst = Math.max(burst, 1);
    }

    boolean enabled() {
        return ratePerSecond > 0;
    }

    /**
     * Takes {@code pages} tokens from the client's bucket.
     *
     * @return 0 when allowed, else the seconds to wait before retrying
     */
    long acquire(String client, int pages, long nowNanos) {
        if (!enabled()) {
            return 0;
        }
        Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(burst, nowNanos));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (nowNanos - b.lastNanos) / 1e9 * ratePerSecond);
            b.lastNanos = nowNanos;
            if (b.tokens >= pages) {
                b.tokens -= pages;
                return 0;
            }
            // A batch larger than the burst can never fit: ask for the time the whole batch needs.
            double missing = pages - b.tokens;
            return Math.max(1, (long) Math.ceil(missing / ratePerSecond));
        }
    }
}
