package dev.newswire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.embedded.Directories;
import dev.newswire.embedded.OrphanedPostgres;
import dev.newswire.model.Json;
import dev.newswire.model.Keys;
import dev.newswire.model.RawPage;
import dev.newswire.model.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * A crash of the whole embedded run heals itself: {@code newswire run} in its own JVM takes pages over HTTP, is killed
 * with -9 while they flow (its PostgreSQL outlives it, as it would after the OOM killer), and is started again on the
 * same data directory with nothing done by hand. The crawler keeps retrying what was not acknowledged, as crawlers do.
 * Then: every page accepted (202) is stored exactly once, and in news.articles (read_committed) once. The times to
 * serving are printed, not asserted.
 */
class CrashRecoveryIT {

    private static final String SCENARIO = "crash";
    private static final int BEFORE = 200;
    private static final int AFTER = 100;
    private static final Duration START = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void runKilledWithMinus9RestartsAndLosesNothing() throws Exception {
        Path dir = Directories.createTemporary("newswire-crash-");
        Path data = dir.resolve("data");
        RunProcess first = null;
        RunProcess second = null;
        try {
            first = RunProcess.start(data, dir.resolve("tmp1"), dir.resolve("run-1.log"), List.of());
            int port = first.awaitIngestPort(START);
            first.awaitUp(START);
            Set<Integer> accepted = ConcurrentHashMap.newKeySet();
            // Crawler: send pages one request at a time; kill -9 the run in the middle of the stream.
            for (int i = 0; i < BEFORE; i++) {
                if (post(port, i)) {
                    accepted.add(i);
                }
            }
            // Keep sending while the kill happens: the kill lands between or inside requests.
            Thread sender = new Thread(() -> {
                for (int k = BEFORE; k < BEFORE + 50; k++) {
                    if (post(port, k)) {
                        accepted.add(k);
                    }
                }
            }, "crawler");
            sender.start();
            Thread.sleep(200);
            first.kill();
            long killedAt = System.nanoTime();
            sender.join();
            Set<Integer> unanswered = new java.util.TreeSet<>();
            for (int k = 0; k < BEFORE + 50; k++) {
                if (!accepted.contains(k)) {
                    unanswered.add(k);
                }
            }
            Path pgData = data.resolve("postgres");
            assertTrue(OrphanedPostgres.find(pgData).isPresent(),
                    "after kill -9 the run's PostgreSQL is still running on its data directory (the case to heal)");

            second = RunProcess.start(data, dir.resolve("tmp2"), dir.resolve("run-2.log"), List.of());
            int port2 = second.awaitIngestPort(START);
            long ingestMs = (System.nanoTime() - killedAt) / 1_000_000;
            // Serving again: GET /health answers 200 with ingest, sink and enrich RUNNING (ingest alone answers 200
            // before the other stages have registered). Watched beside the crawler; the time is printed, not asserted.
            AtomicLong servingMs = new AtomicLong(-1);
            Thread watcher = new Thread(() -> {
                long deadline = System.nanoTime() + START.toNanos();
                while (System.nanoTime() < deadline && !serving(port2)) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                servingMs.set((System.nanoTime() - killedAt) / 1_000_000);
            }, "health-watcher");
            watcher.start();
            // The crawler retries what was not acknowledged, then sends more.
            long firstAcceptMs = -1;
            for (int k = 0; k < BEFORE + 50 + AFTER; k++) {
                if (accepted.contains(k)) {
                    continue;
                }
                while (!post(port2, k)) {
                    Thread.sleep(100);
                }
                accepted.add(k);
                if (firstAcceptMs < 0) {
                    firstAcceptMs = (System.nanoTime() - killedAt) / 1_000_000;
                }
            }
            Matcher up = second.awaitUp(START);
            long upMs = (System.nanoTime() - killedAt) / 1_000_000;
            watcher.join(START.toMillis());
            assertTrue(servingMs.get() > 0 && serving(port2), "the restarted run serves: GET /health 200, every stage RUNNING");
            assertTrue(second.logText().contains("Stopped the orphaned PostgreSQL"), "the restart stopped the orphaned PostgreSQL");
            String bootstrap = up.group(2);
            String jdbc = up.group(3);
            int total = BEFORE + 50 + AFTER;
            assertEquals(total, accepted.size(), "the crawler got every page accepted in the end");
            try {
                FaultRig.await(() -> stored(jdbc) >= total, START, total + " articles stored");
            } catch (AssertionError e) {
                // the runs' logs go with the test's directory: show the restarted run's, to say what it waited for
                System.out.println("restarted run's log, last 120 lines:");
                List<String> lines = second.logText().lines().toList();
                lines.subList(Math.max(0, lines.size() - 120), lines.size()).forEach(l -> System.out.println("  " + l));
                throw new AssertionError(e.getMessage() + " (" + stored(jdbc) + " stored)", e);
            }
            long allStoredMs = (System.nanoTime() - killedAt) / 1_000_000;

            Map<String, Integer> articles = counts(bootstrap, Topics.ARTICLES, total);
            Map<String, Integer> raw = counts(bootstrap, Topics.RAW, total);
            assertEquals(total, articles.size(), "every accepted page is an article in news.articles");
            assertEquals(raw, articles, "news.raw -> news.articles exactly once across the crash: every record of "
                    + "news.raw became one article (read_committed), none twice");
            // A page sent once is in news.raw once. A request the kill cut off may have reached Kafka before the
            // answer was lost; the crawler's retry then sends it again (same URL, same id): at most twice.
            long retriedTwice = 0;
            for (int k = 0; k < total; k++) {
                int n = raw.getOrDefault(Keys.articleId(url(k)), 0);
                if (unanswered.contains(k)) {
                    assertTrue(n >= 1 && n <= 2, "page " + k + " (retried) is in news.raw once or twice, not " + n);
                    retriedTwice += n - 1;
                } else {
                    assertEquals(1, n, "page " + k + " (sent once) is in news.raw once");
                }
            }
            assertEquals(total, stored(jdbc), "every accepted page stored once");
            System.out.printf("crash of the whole run: %d pages accepted (%d before the kill, %d unanswered at the kill and "
                            + "retried, %d of them had reached Kafka: a new version of the same id), %d stored, lost 0, "
                            + "twice 0; after kill -9: ingest accepting in %d ms, first page accepted %d ms, serving again "
                            + "(GET /health 200, every stage RUNNING) %d ms, pipeline up %d ms (its own start %s ms), "
                            + "all %d stored %d ms%n",
                    total, total - AFTER - unanswered.size(), unanswered.size(), retriedTwice, total, ingestMs,
                    firstAcceptMs, servingMs.get(), upMs, up.group(1), total, allStoredMs);
            System.out.println("restart log:");
            second.logText().lines().filter(l -> l.contains(" INFO ") || l.contains(" WARN ") || l.contains("Pipeline up"))
                    .limit(40).forEach(l -> System.out.println("  " + l));
            // The restarted run reports its stages: GET /health on ingest, and `newswire status` of its data directory.
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port2 + "/health"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            for (String stage : List.of("ingest", "enrich", "sink")) {
                assertTrue(health.body().contains("\"" + stage + "\":{\"state\":\"RUNNING\""), health.body());
            }
            String status = RunProcess.command(dir.resolve("tmp3"), "status", "--data-dir", data.toString());
            System.out.println("newswire status after the restart:\n" + status);
            assertTrue(status.matches("(?s).*STAGES \\(http://127\\.0\\.0\\.1:" + port2 + "/health\\): ok.*"), status);
            assertTrue(status.matches("(?s).*\\nsink +RUNNING .*"), status);
            int exit = second.stop();
            assertTrue(exit == 0 || exit == 143, "the restarted run stops cleanly on SIGTERM (exit " + exit + ")");
            second = null;
        } finally {
            for (RunProcess r : new RunProcess[] {first, second}) {
                if (r != null && r.process.isAlive()) {
                    r.kill();
                }
            }
            // Whatever happened above: no PostgreSQL may outlive the test.
            OrphanedPostgres.stopIfRunning(data.resolve("postgres"));
            Directories.delete(dir);
        }
    }

    private static String url(int i) {
        return FaultRig.url(SCENARIO, i); // the page's canonical URL too
    }

    /** Whether GET /health answers 200 with ingest, sink and enrich RUNNING. */
    private static boolean serving(int port) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && List.of("ingest", "enrich", "sink").stream()
                    .allMatch(stage -> r.body().contains("\"" + stage + "\":{\"state\":\"RUNNING\""));
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** POSTs page i; true on 202, false on anything else (refused connection, 503, a reset in the middle). */
    private static boolean post(int port, int i) {
        byte[] body = Json.write(RawPage.of(url(i), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i), 200,
                Map.of("content-type", "text/html; charset=utf-8"), FaultRig.page(SCENARIO, i), "crash-it"));
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pages"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 202;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long stored(String jdbc) {
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM articles WHERE url LIKE 'https://faults.example/" + SCENARIO + "/%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** How many records of each page a read_committed consumer sees in {@code topic}. */
    private static Map<String, Integer> counts(String bootstrap, String topic, int n) {
        return FaultRig.countsByPage(bootstrap, topic, java.util.stream.IntStream.range(0, n).mapToObj(CrashRecoveryIT::url).toList());
    }
}
