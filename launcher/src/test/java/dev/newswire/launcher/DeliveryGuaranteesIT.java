package dev.newswire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.enrich.EnrichApp;
import dev.newswire.enrich.EnrichConfig;
import dev.newswire.model.Topics;
import dev.newswire.sink.SinkApp;
import dev.newswire.sink.SinkConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Exactly once from news.raw to news.articles, effectively once into the database, through real faults:
 * each scenario feeds N pages to a fresh broker and database, breaks something while they flow, and checks
 * that every page is in news.articles exactly once (read_committed) and in the store exactly once.
 */
class DeliveryGuaranteesIT {

    static final int N = 2000;
    /** A safety net against a hang, not a timed assertion: a loaded 2-core machine may need minutes. */
    static final Duration SETTLE = Duration.ofMinutes(5);

    private static void assertExactlyOnce(FaultRig rig, String scenario) throws InterruptedException {
        try {
            FaultRig.await(() -> rig.storedRows(scenario) == N, SETTLE, "all " + N + " articles of " + scenario + " stored");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (" + rig.storedRows(scenario) + " stored)", e);
        }
        Map<String, Integer> counts = rig.articleCounts(scenario, N);
        assertEquals(N, counts.size(), "every page became an article in news.articles");
        assertTrue(counts.values().stream().allMatch(c -> c == 1), "no article twice in news.articles (read_committed)");
        assertEquals(N, rig.storedRows(scenario), "every article stored once");
        assertEquals(0, rig.deadLetters(), "no dead letters for good pages");
        System.out.printf("%s: fed %d, in news.articles %d, stored %d, lost 0, duplicated 0%n", scenario, N, counts.size(), N);
    }

    @Test
    void enrichKilledAbruptlyAndReplaced() throws Exception {
        try (FaultRig rig = new FaultRig("enrich-kill");
             SinkApp sink = SinkApp.start(new SinkConfig(rig.settings()))) {
            Process enrich = rig.launch("enrich", Map.of());
            rig.feed("a", N);
            // Kill -9 mid-stream: some transactions are open, some committed.
            FaultRig.await(() -> rig.storedRows("a") >= 200, SETTLE, "enrich to get going");
            enrich.destroyForcibly();
            assertTrue(enrich.waitFor(30, TimeUnit.SECONDS));
            long atKill = rig.storedRows("a");
            assertTrue(atKill < N, "the kill happened while pages were flowing (" + atKill + " stored)");
            rig.launch("enrich", Map.of());
            assertExactlyOnce(rig, "a");
        }
    }

    @Test
    void sinkHaltsBetweenTheDatabaseWriteAndTheOffsetCommit() throws Exception {
        try (FaultRig rig = new FaultRig("sink-halt");
             EnrichApp enrich = EnrichApp.start(new EnrichConfig(rig.settings()))) {
            rig.feed("b", N);
            Process sink = rig.launchMain(HaltingSink.class, List.of("3"), Map.of(SinkConfig.BATCH_MAX, "50"));
            assertTrue(sink.waitFor(120, TimeUnit.SECONDS), "the sink halted");
            assertEquals(HaltingSink.HALT_STATUS, sink.exitValue());
            long atHalt = rig.storedRows("b");
            assertTrue(atHalt > 0 && atHalt < N, "halted mid-way: " + atHalt);
            try (SinkApp again = SinkApp.start(new SinkConfig(rig.settings()))) {
                assertExactlyOnce(rig, "b");
                // It resumed exactly after the last database commit: nothing written twice, nothing skipped.
                assertEquals(N - atHalt, again.storedCount());
            }
        }
    }

    @Test
    void brokerStoppedAndRestartedWhilePagesFlow() throws Exception {
        try (FaultRig rig = new FaultRig("broker-restart");
             SinkApp sink = SinkApp.start(new SinkConfig(rig.settings()));
             EnrichApp enrich = EnrichApp.start(new EnrichConfig(rig.settings()))) {
            rig.feed("c", N);
            FaultRig.await(() -> rig.storedRows("c") >= 200, SETTLE, "pages to flow");
            rig.kafka.stop();
            Thread.sleep(2000);
            rig.kafka.restart();
            assertExactlyOnce(rig, "c");
        }
    }

    @Test
    void databaseUnavailableForAWhile() throws Exception {
        try (FaultRig rig = new FaultRig("db-down");
             SinkApp sink = SinkApp.start(new SinkConfig(rig.settings()));
             EnrichApp enrich = EnrichApp.start(new EnrichConfig(rig.settings()))) {
            rig.feed("d", N);
            FaultRig.await(() -> rig.storedRows("d") >= 200, SETTLE, "pages to flow");
            rig.db.close();
            rig.db = null;
            Thread.sleep(5000);
            rig.db = EmbeddedDatabase.start(rig.dbDir, rig.dbPort);
            assertExactlyOnce(rig, "d");
            assertTrue(rig.readCommitted(Topics.ARTICLES).size() >= N);
        }
    }
}
