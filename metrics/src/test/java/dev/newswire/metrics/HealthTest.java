package dev.newswire.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void healthyOnlyWhenEveryStageRunsAndTheJsonSaysWhichIsNot() {
        Health h = new Health();
        Instant at = Instant.parse("2026-12-07T15:00:00Z");
        Supplier<Health.Status> sink = () -> Health.Status.running(0, at);
        h.register("sink", sink);
        assertTrue(h.healthy());
        assertEquals("{\"status\":\"ok\",\"stages\":{\"sink\":{\"state\":\"RUNNING\",\"restarts\":0,"
                + "\"since\":\"2026-12-07T15:00:00Z\"}}}\n", h.json());

        h.register("enrich", () -> new Health.Status(Health.State.RESTARTING, 2, at, "IllegalStateException: \"bad\"\n\tat x"));
        assertFalse(h.healthy());
        assertEquals("{\"status\":\"failing\",\"stages\":{\"enrich\":{\"state\":\"RESTARTING\",\"restarts\":2,"
                + "\"since\":\"2026-12-07T15:00:00Z\",\"error\":\"IllegalStateException: \\\"bad\\\"\\n\\tat x\"},"
                + "\"sink\":{\"state\":\"RUNNING\",\"restarts\":0,\"since\":\"2026-12-07T15:00:00Z\"}}}\n", h.json());

        // a check that throws is a failed stage, not a broken endpoint
        h.register("enrich", () -> {
            throw new IllegalStateException("gone");
        });
        assertEquals(Health.State.FAILED, h.snapshot().get("enrich").state());

        // unregistering only removes the same registration
        h.unregister("sink", () -> Health.Status.running(0, at));
        assertTrue(h.snapshot().containsKey("sink"));
        h.unregister("sink", sink);
        assertFalse(h.snapshot().containsKey("sink"));
    }
}
