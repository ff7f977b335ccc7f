package dev.newswire.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");

    @Test
    void durations() {
        assertEquals(Duration.ofSeconds(90), TimeArgs.duration("90s"));
        assertEquals(Duration.ofMinutes(15), TimeArgs.duration("15m"));
        assertEquals(Duration.ofHours(2), TimeArgs.duration("2h"));
        assertEquals(Duration.ofDays(1), TimeArgs.duration("1d"));
        assertEquals(Duration.ofMillis(250), TimeArgs.duration("250ms"));
        assertEquals(Duration.ofMinutes(5), TimeArgs.duration("PT5M"));
        assertThrows(IllegalArgumentException.class, () -> TimeArgs.duration("soon"));
    }

    @Test
    void pointsInTime() {
        assertEquals(Instant.parse("2026-11-29T02:45:00Z"), TimeArgs.pointInTime("15m", NOW));
        assertEquals(Instant.parse("2026-11-28T12:00:00Z"), TimeArgs.pointInTime("2026-11-28T12:00:00Z", NOW));
        assertEquals(Instant.parse("2026-11-28T00:00:00Z"), TimeArgs.pointInTime("2026-11-28", NOW));
        assertThrows(IllegalArgumentException.class, () -> TimeArgs.pointInTime("yesterday-ish", NOW));
    }

    @Test
    void terminalSafeKeepsTextAndReplacesControls() {
        assertEquals("Zürich · 東京", Terminal.safe("Zürich · 東京"));
        assertEquals("a b\uFFFD[31mc", Terminal.safe("a\nb\u001b[31mc"));
        assertEquals("", Terminal.safe(null));
        assertEquals("abcd…", Terminal.safe("abcdefgh", 5));
    }
}
