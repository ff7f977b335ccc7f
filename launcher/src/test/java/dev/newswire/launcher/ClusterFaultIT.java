package dev.newswire.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newswire.embedded.Directories;
import dev.newswire.embedded.EmbeddedCluster;
import dev.newswire.embedded.EmbeddedDatabase;
import dev.newswire.embedded.TopicReader;
import dev.newswire.enrich.EnrichApp;
import dev.newswire.enrich.EnrichConfig;
import dev.newswire.ingest.KeyedPage;
import dev.newswire.ingest.PagePublisher;
import dev.newswire.model.CommonConfig;
import dev.newswire.model.RawPage;
import dev.newswire.model.TopicAdmin;
import dev.newswire.model.Topics;
import dev.newswire.ops.status.ReplicaStatus;
import dev.newswire.sink.SinkApp;
import dev.newswire.sink.SinkConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Faults of one node of a real three-node cluster ({@link EmbeddedCluster}: each node a JVM of its own, topics
 * replicated 3 times, min.insync.replicas=2, producers acks=all), under a steady stream of pages through enrich and
 * the sink: the node leading most news.raw partitions is killed with -9 and started again; then the leader is paused
 * (SIGSTOP) for longer than the session timeout, a "zombie", and resumed; then the leader's disk fills up (no
 * file of its JVM may grow) until it is started again with space. After each: every acknowledged page stored
 * once, news.raw to news.articles exactly once (read_committed), no page twice in news.raw, the in-sync replicas back
 * to 3. The longest gap between two acknowledgements (the stall the fault caused) is printed, not asserted.
 */
class ClusterFaultIT {

    /** Pages per scenario: 1,000 by default to keep the suite short on two cores; -Dnewswire.cluster.pages=2000 for the figure. */
    private static final int PAGES = Integer.getInteger("newswire.cluster.pages", 1000);
    /** A steady 40 pages a second: a scenario lasts about 25 s, the fault about 8 s of it (longer than the 3 s session). */
    private static final long SEND_INTERVAL_MS = 25;
    private static final Duration SETTLE = Duration.ofMinutes(3);

    @Test
    void leaderKilledAndRestartedThenZombieLeaderUnderASteadyStream() throws Exception {
        Path dir = Directories.createTemporary("newswire-cluster-");
        EmbeddedCluster cluster = null;
        EmbeddedDatabase db = null;
        SinkApp sink = null;
        EnrichApp enrich = null;
        try {
            long t0 = System.nanoTime();
            cluster = EmbeddedCluster.start(dir.resolve("data"), 3, List.of());
            System.out.printf("3-node cluster up in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            db = EmbeddedDatabase.start(dir.resolve("pgdata"), 0);
            Map<String, String> s = new HashMap<>();
            s.put(CommonConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers());
            s.put(CommonConfig.TOPICS_REPLICATION_FACTOR, "3");
            s.put(SinkConfig.JDBC_URL, db.jdbcUrl());
            s.put(SinkConfig.RETRY_BACKOFF_MS, "200");
            s.put(EnrichConfig.STATE_DIR, dir.resolve("streams").toString());
            TopicAdmin.ensureTopics(new CommonConfig(s));
            sink = SinkApp.start(new SinkConfig(s));
            enrich = EnrichApp.start(new EnrichConfig(s));

            Map<String, Object> client = Map.of(CommonConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers());
            try (PagePublisher publisher = new PagePublisher(client); Admin admin = Admin.create(client)) {
                // 1. kill -9 of the leader of most news.raw partitions, then a restart
                final EmbeddedCluster c = cluster;
                int killed = leaderOfMostRaw(admin);
                Scenario kill = new Scenario("leader-kill", db.jdbcUrl());
                kill.run(publisher, () -> {
                    c.kill(killed);
                    return "killed node " + killed;
                }, () -> {
                    c.restart(killed);
                    return "restarted node " + killed;
                });
                kill.check(cluster.bootstrapServers(), admin);

                // 2. a zombie leader: paused longer than the session timeout, then resumed
                int paused = leaderOfMostRaw(admin);
                Scenario zombie = new Scenario("zombie-leader", db.jdbcUrl());
                zombie.run(publisher, () -> {
                    c.signal(paused, "STOP");
                    return "paused node " + paused + " (SIGSTOP)";
                }, () -> {
                    c.signal(paused, "CONT");
                    return "resumed node " + paused;
                });
                zombie.check(cluster.bootstrapServers(), admin);

                // 3. a full disk: the leader's JVM may no longer grow any file (RLIMIT_FSIZE through prlimit, a
                // util-linux tool that needs no privilege on one's own processes: a write past the limit fails
                // with "File too large" as one on a full disk fails with "No space left"); then space is freed and
                // the node started again, as an operator would
                int full = leaderOfMostRaw(admin);
                Scenario disk = new Scenario("disk-full", db.jdbcUrl());
                disk.run(publisher, () -> {
                    long pid = c.node(full).process().orElseThrow().pid();
                    Process limit = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--fsize=4096")
                            .redirectErrorStream(true).start();
                    String out = new String(limit.getInputStream().readAllBytes());
                    assertEquals(0, limit.waitFor(), "prlimit failed: " + out);
                    return "disk of node " + full + " full (no file may grow)";
                }, () -> {
                    // Kafka takes a log directory that fails a write offline; with its only one offline the node
                    // stops itself
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (c.node(full).process().isPresent() && System.nanoTime() < deadline) {
                        Thread.sleep(200);
                    }
                    boolean stopped = c.node(full).process().isEmpty();
                    c.kill(full);
                    c.restart(full);
                    return "node " + full + (stopped ? " had stopped itself" : " was still running") + "; restarted with space";
                });
                disk.check(cluster.bootstrapServers(), admin);
            }
        } finally {
            for (AutoCloseable a : new AutoCloseable[] {enrich, sink}) {
                if (a != null) {
                    try {
                        a.close();
                    } catch (Exception e) {
                        System.err.println("closing: " + e);
                    }
                }
            }
            if (cluster != null) {
                for (EmbeddedCluster.Node n : cluster.nodes()) {
                    if (n.process().isPresent()) {
                        cluster.signal(n.id(), "CONT");
                    }
                }
                cluster.close();
            }
            if (db != null) {
                db.close();
            }
            Directories.delete(dir);
        }
    }

    private static int leaderOfMostRaw(Admin admin) throws InterruptedException {
        ReplicaStatus r = ReplicaStatus.collect(admin, List.of(Topics.RAW));
        Map<Integer, Integer> led = new HashMap<>();
        r.partitions().forEach(p -> led.merge(p.leader(), 1, Integer::sum));
        return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @FunctionalInterface
    interface Fault {
        String apply() throws Exception;
    }

    /** One scenario: PAGES pages sent at a steady pace, a fault after a third of them, its repair after two thirds. */
    private static final class Scenario {
        final String name;
        final String jdbc;
        final ConcurrentLinkedQueue<Long> ackNanos = new ConcurrentLinkedQueue<>();
        final AtomicInteger acked = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<String> events = new ArrayList<>();

        Scenario(String name, String jdbc) {
            this.name = name;
            this.jdbc = jdbc;
        }

        String url(int i) {
            return FaultRig.url(name, i);
        }

        void run(PagePublisher publisher, Fault fault, Fault repair) throws Exception {
            List<CompletableFuture<?>> acks = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger sent = new AtomicInteger();
            long start = System.nanoTime();
            // The crawler: a steady stream, whatever happens to the cluster.
            Thread sender = new Thread(() -> {
                for (int i = 0; i < PAGES; i++) {
                    acks.add(publisher.publish(KeyedPage.of(RawPage.of(url(i), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i),
                            200, Map.of("content-type", "text/html; charset=utf-8"), FaultRig.page(name, i), "cluster-it")))
                            .whenComplete((md, e) -> {
                                if (e == null) {
                                    acked.incrementAndGet();
                                    ackNanos.add(System.nanoTime());
                                } else {
                                    failed.incrementAndGet();
                                }
                            }));
                    sent.incrementAndGet();
                    try {
                        Thread.sleep(SEND_INTERVAL_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "crawler-" + name);
            sender.start();
            FaultRig.await(() -> sent.get() >= PAGES / 3, SETTLE, "a third of the pages sent");
            events.add(String.format("%.1f s: %s", (System.nanoTime() - start) / 1e9, fault.apply()));
            FaultRig.await(() -> sent.get() >= 2 * PAGES / 3, SETTLE, "two thirds of the pages sent");
            events.add(String.format("%.1f s: %s", (System.nanoTime() - start) / 1e9, repair.apply()));
            events.add(String.format("%.1f s: %s", (System.nanoTime() - start) / 1e9, "done"));
            sender.join();
            CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).exceptionally(e -> null).join();
            events.add(String.format("%.1f s: all %d sent and answered", (System.nanoTime() - start) / 1e9, PAGES));
        }

        long stored() {
            try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM articles WHERE url LIKE 'https://faults.example/" + name + "/%'")) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                return -1;
            }
        }

        Map<String, Integer> counts(List<ConsumerRecord<String, byte[]>> records, String topic) {
            return FaultRig.countsByPage(records, topic, java.util.stream.IntStream.range(0, PAGES).mapToObj(this::url).toList());
        }

        void check(String bootstrap, Admin admin) throws InterruptedException {
            int n = acked.get();
            assertEquals(PAGES, n + failed.get());
            FaultRig.await(() -> stored() >= n, SETTLE, n + " acknowledged pages of " + name + " stored");
            long isrStart = System.nanoTime();
            FaultRig.await(() -> {
                try {
                    ReplicaStatus r = ReplicaStatus.collect(admin, List.of(Topics.RAW, Topics.ENRICHED, Topics.ARTICLES, Topics.DLQ));
                    return r.brokers().size() == 3 && r.underReplicated() == 0 && r.offline() == 0;
                } catch (RuntimeException | InterruptedException e) {
                    return false;
                }
            }, SETTLE, "every partition of " + name + " back to 3 in-sync replicas");
            long isrWaitMs = (System.nanoTime() - isrStart) / 1_000_000;
            List<ConsumerRecord<String, byte[]>> rawRecords = TopicReader.readCommitted(bootstrap, Topics.RAW);
            Map<String, Integer> raw = counts(rawRecords, Topics.RAW);
            Map<String, Integer> articles = counts(TopicReader.readCommitted(bootstrap, Topics.ARTICLES), Topics.ARTICLES);
            assertTrue(raw.size() >= n, "every acknowledged page is in news.raw (" + raw.size() + " of " + n + ")");
            assertTrue(raw.values().stream().allMatch(c -> c == 1), "no page twice in news.raw (idempotent producer across the leader change)");
            assertEquals(raw, articles, "news.raw -> news.articles exactly once (read_committed): every page one article, none twice");
            assertEquals(raw.size(), stored(), "every page in news.raw stored once");
            assertEquals(0, FaultRig.rawOrderInversions(rawRecords, name),
                    "pages of one partition (so of one key) in news.raw in the order they were sent");
            List<Long> times = new ArrayList<>(ackNanos);
            times.sort(Long::compare);
            long maxGap = 0;
            for (int i = 1; i < times.size(); i++) {
                maxGap = Math.max(maxGap, times.get(i) - times.get(i - 1));
            }
            System.out.printf("%s: %d pages sent, %d acknowledged, %d refused by the producer; %d in news.raw, %d in "
                            + "news.articles, %d stored; lost 0, twice 0, out of order 0; longest gap between acknowledgements %d ms; ISR back "
                            + "to 3 within %d ms of the last page stored; %s%n", name, PAGES, n, failed.get(), raw.size(),
                    articles.size(), stored(), maxGap / 1_000_000, isrWaitMs, events);
        }
    }
}
