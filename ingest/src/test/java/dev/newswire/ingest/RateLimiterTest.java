package dev.newswire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsTheBurstThenTheRatePerClient() {
        RateLimiter limiter = new RateLimiter(10, 20);
        assertEquals(0, limiter.acquire("a", 20, 0));
        assertTrue(limiter.acquire("a", 1, 0) >= 1, "over the burst");
        assertEquals(0, limiter.acquire("b", 5, 0), "another client has its own bucket");
        assertEquals(0, limiter.acquire("a", 10, SECOND), "refilled at 10/s");
        assertTrue(limiter.acquire("a", 1, SECOND) > 0);
    }

    @Test
    void tellsHowLongToWait() {
        RateLimiter limiter = new RateLimiter(2, 2);
        assertEquals(0, limiter.acquire("a", 2, 0));
        assertEquals(3, limiter.acquire("a", 6, 0), "6 pages at 2/s");
    }

    @Test
    void zeroRateMeansNoLimit() {
        RateLimiter limiter = new RateLimiter(0, 1);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, limiter.acquire("a", 100, 0));
        }
    }
}
